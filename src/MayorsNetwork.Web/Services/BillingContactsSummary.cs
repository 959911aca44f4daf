namespace MayorsNetwork.Web.Services;

/// <summary>A city's billing contacts as /account/billing and the staff invoice page show them, with their history (newest first).</summary>
public sealed record BillingContactsSummary(
    string City,
    Contact Billing,
    IReadOnlyList<string> Cc,
    string MayorEmail,
    Guid Version,
    string? VendorNumber,
    IReadOnlyList<BillingContactChange> History);

namespace MayorsNetwork.Domain.Members;

/// <summary>One change to a government's billing contact or CC addresses (issue 14): what, before and after, who and when.</summary>
public sealed class BillingContactChange
{
    public long Id { get; set; }

    public int GovernmentId { get; set; }

    /// <summary>What changed, as people read it ("Billing contact email", "CC addresses").</summary>
    public required string Field { get; set; }

    public string Before { get; set; } = "";

    public string After { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public string ByEmail { get; set; } = "";
}

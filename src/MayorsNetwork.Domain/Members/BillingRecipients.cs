namespace MayorsNetwork.Domain.Members;

/// <summary>
/// Who gets a government's billing mail (issue 14, item 3): invoices (first, renewal, re-sent), reminders, receipts
/// and budget notices. The one place that answers it: addressed to the billing contact, with the city's billing CC
/// addresses and its mayor in copy, each address once.
/// </summary>
public sealed record BillingRecipients(string To, IReadOnlyList<string> Cc)
{
    public static BillingRecipients For(Government government)
    {
        ArgumentNullException.ThrowIfNull(government);
        var to = government.Billing.Email.Trim();
        var cc = government.BillingCc.Append(government.Mayor.Email)
            .Select(a => a.Trim())
            .Where(a => a.Length > 0 && !a.Equals(to, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new BillingRecipients(to, cc);
    }
}

using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>Terms and remittance details printed on every invoice.</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Invoices";

    [Range(1, 365)]
    public int DaysToPay { get; set; } = 30;

    /// <summary>Days after the due date before an unpaid member lapses.</summary>
    [Range(0, 365)]
    public int GraceDays { get; set; } = 30;

    [Range(1, 90)]
    public int ReminderDaysBefore { get; set; } = 14;

    [Required]
    public string AssociationName { get; set; } = "MayorsNetwork";

    /// <summary>The association's postal address, one line per line.</summary>
    [Required]
    public string AssociationAddress { get; set; } = "1620 I Street NW\nWashington, DC 20006";

    [Required, EmailAddress]
    public string BillingEmail { get; set; } = "billing@mayorsnetwork.local";

    [Required]
    public string PayableTo { get; set; } = "MayorsNetwork";

    /// <summary>How to pay, one line per line (bank, routing and account numbers for ACH, or a lockbox).</summary>
    [Required]
    public string RemittanceInstructions { get; set; } =
        "By check, payable to MayorsNetwork, mailed to the address above.\nBy ACH: ask billing@mayorsnetwork.local for our bank details.\nPlease write the invoice number on your payment.";

    [Required]
    public string TaxId { get; set; } = "EIN 00-0000000";
}

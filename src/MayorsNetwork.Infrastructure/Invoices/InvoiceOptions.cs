using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>Terms and remittance details printed on every invoice, and how a new member's first invoice is worked out.</summary>
public sealed class InvoiceOptions : IValidatableObject
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

    /// <summary>How the first invoice of a newly approved member is worked out (issue 14): Rollover, Prorated or Full.</summary>
    public FirstYearPolicy FirstYear { get; set; } = FirstYearPolicy.Rollover;

    /// <summary>Under Rollover, approvals in this many last months of the fiscal year are invoiced for the next one (0 to 11).</summary>
    [Range(0, FirstYearTerms.MaxRolloverMonths)]
    public int RolloverMonths { get; set; } = FirstYearTerms.DefaultRolloverMonths;

    /// <summary>How many days after the due date "payment awaits council approval, expected by" may reach (issue 14).</summary>
    [Range(0, 365)]
    public int CouncilHoldMaxDays { get; set; } = CouncilHold.DefaultMaxDays;

    /// <summary>Days before each member city's own fiscal year starts that it is emailed next year's dues estimate (issue 14).</summary>
    [Range(1, 365)]
    public int BudgetNoticeDays { get; set; } = Domain.Dues.BudgetNotice.DefaultNoticeDays;

    public FirstYearTerms Terms() => new(FirstYear, RolloverMonths);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(FirstYear))
            yield return new ValidationResult($"Invoices:FirstYear '{FirstYear}' is not Rollover, Prorated or Full.", [nameof(FirstYear)]);
    }
}

using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// A bill for one fiscal year's dues. What it says (member, billing contact, lines, total, due date) is
/// copied in when it is issued and never changes afterwards; payments and voiding are recorded on it.
/// </summary>
public sealed class Invoice
{
    public int Id { get; set; }

    public required string Number { get; set; }

    public int FiscalYear { get; set; }

    public int Sequence { get; set; }

    public InvoiceKind Kind { get; set; }

    public int MembershipId { get; set; }

    public Membership Membership { get; set; } = null!;

    public required string MemberName { get; set; }

    public required string MemberState { get; set; }

    public required string BillingName { get; set; }

    public required string BillingEmail { get; set; }

    public string BillingAddress { get; set; } = "";

    public required string MayorName { get; set; }

    public required string MayorEmail { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public decimal Total { get; set; }

    /// <summary>The city's purchase-order number for this invoice, printed in its header (issue 14); null when none.</summary>
    public string? PurchaseOrderNumber { get; set; }

    /// <summary>The city's vendor (supplier) number for the association: its standing one when issued, or one added since.</summary>
    public string? VendorNumber { get; set; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Issued;

    public string? VoidReason { get; set; }

    public DateTime? VoidedAtUtc { get; set; }

    public string? VoidedBy { get; set; }

    /// <summary>Changed on every update: two staff recording the last payment at once cannot both succeed.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<InvoiceLine> Lines { get; set; } = [];

    public List<Payment> Payments { get; set; } = [];

    public decimal Paid => Payments.Sum(p => p.Amount);

    public decimal Balance => Total - Paid;

    public bool IsOverdue(DateOnly today) => Status is InvoiceStatus.Issued or InvoiceStatus.Sent && today > DueOn;

    /// <summary>Builds the lines and total from a dues quote. Refuses a $0 invoice.</summary>
    public static Invoice Create(
        Membership membership, int sequence, DuesQuote quote, FiscalYear fiscalYear, InvoiceKind kind, DateOnly issuedOn, int daysToPay, decimal discountPercent)
    {
        var lines = new List<InvoiceLine>
        {
            new() { Description = string.Create(CultureInfo.InvariantCulture, $"Membership dues, {fiscalYear}: population {quote.Population:N0}, bracket {quote.Bracket}"), Amount = quote.FullAmount },
        };
        if (quote.Discount > 0)
            lines.Add(new InvoiceLine { Description = string.Create(CultureInfo.InvariantCulture, $"New-member discount, {discountPercent:0.##}% of the first year"), Amount = -quote.Discount });
        return Issue(membership, sequence, fiscalYear.Year, kind, fiscalYear.Start, fiscalYear.End, lines, issuedOn, daysToPay);
    }

    /// <summary>
    /// Issues a new member's first invoice as <see cref="FirstYearBilling.Plan"/> worked it out: numbered in the fiscal
    /// year billed, for the membership period from approval, with the plan's lines. Refuses a $0 invoice.
    /// </summary>
    public static Invoice Create(Membership membership, int sequence, FirstYearBill bill, DateOnly issuedOn, int daysToPay) =>
        Issue(membership, sequence, bill.BilledYear.Year, InvoiceKind.FirstYear, bill.PeriodStart, bill.PeriodEnd,
            bill.Lines.Select(l => new InvoiceLine { Description = l.Description, Amount = l.Amount }).ToList(), issuedOn, daysToPay);

    private static Invoice Issue(Membership membership, int sequence, int fiscalYear, InvoiceKind kind, DateOnly periodStart, DateOnly periodEnd,
        List<InvoiceLine> lines, DateOnly issuedOn, int daysToPay)
    {
        var g = membership.Government;
        var total = lines.Sum(l => l.Amount);
        if (total <= 0) throw new ZeroInvoiceException(g.Name);
        return new Invoice
        {
            Number = InvoiceNumber.Format(fiscalYear, sequence),
            FiscalYear = fiscalYear,
            Sequence = sequence,
            Kind = kind,
            Membership = membership,
            MembershipId = membership.Id,
            MemberName = g.Name,
            MemberState = g.State,
            BillingName = g.Billing.Name,
            BillingEmail = g.Billing.Email,
            BillingAddress = g.BillingAddress,
            VendorNumber = g.VendorNumber,
            MayorName = $"{g.MayorTitle} {g.Mayor.Name}",
            MayorEmail = g.Mayor.Email,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            IssuedOn = issuedOn,
            DueOn = issuedOn.AddDays(daysToPay),
            Total = total,
            Lines = lines,
        };
    }

    /// <summary>
    /// Sets the PO and vendor numbers printed on the invoice (<see cref="BillingReference"/>'s rules; empty clears one).
    /// Refused on a paid or void invoice, and for a bad value, with nothing changed.
    /// </summary>
    public RuleResult SetBillingReferences(string? purchaseOrderNumber, string? vendorNumber)
    {
        if (BillingReference.CannotChangeOn(this) is { } closed) return RuleResult.Fail([closed]);
        var po = BillingReference.ParsePurchaseOrder(purchaseOrderNumber);
        var vendor = BillingReference.ParseVendorNumber(vendorNumber);
        if (!po.Succeeded || !vendor.Succeeded) return RuleResult.Fail([.. po.Errors, .. vendor.Errors]);
        PurchaseOrderNumber = po.Value;
        VendorNumber = vendor.Value;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>Why a payment cannot be recorded, or null when it can.</summary>
    public string? CannotPay(decimal amount)
    {
        if (Status == InvoiceStatus.Void) return $"Invoice {Number} is void; payments cannot be recorded on it.";
        if (Status == InvoiceStatus.Paid || Balance <= 0) return $"Invoice {Number} is already paid in full.";
        if (amount <= 0) return "The amount must be more than zero.";
        if (decimal.Round(amount, 2) != amount) return "The amount cannot have more than two decimal places (whole cents).";
        if (amount > Balance) return $"The amount is more than the balance of {Money.Format(Balance)}; record at most the balance.";
        return null;
    }

    /// <summary>Records a payment; returns true when it paid the invoice in full.</summary>
    public bool Pay(decimal amount, DateOnly receivedOn, PaymentMethod method, string reference, string recordedBy, DateTime nowUtc)
    {
        if (CannotPay(amount) is { } reason) throw new InvalidOperationException(reason);
        Payments.Add(new Payment { InvoiceId = Id, Amount = amount, ReceivedOn = receivedOn, Method = method, Reference = reference, RecordedBy = recordedBy, RecordedAtUtc = nowUtc });
        Version = Guid.NewGuid();
        if (Balance != 0) return false;
        Status = InvoiceStatus.Paid;
        return true;
    }

    /// <summary>
    /// Its email has gone out: an invoice still <see cref="InvoiceStatus.Issued"/> becomes <see cref="InvoiceStatus.Sent"/>.
    /// A paid or voided one keeps its status (staff may have acted while it was being emailed). Returns whether it changed.
    /// </summary>
    public bool MarkSent()
    {
        if (Status != InvoiceStatus.Issued) return false;
        Status = InvoiceStatus.Sent;
        Version = Guid.NewGuid();
        return true;
    }

    public string? CannotVoid() => Status switch
    {
        InvoiceStatus.Void => $"Invoice {Number} is already void.",
        _ when Payments.Count > 0 => $"Invoice {Number} has payments recorded; it cannot be voided.",
        _ => null,
    };

    public void MarkVoid(string reason, string by, DateTime nowUtc)
    {
        if (CannotVoid() is { } why) throw new InvalidOperationException(why);
        Status = InvoiceStatus.Void;
        VoidReason = reason;
        VoidedBy = by;
        VoidedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}

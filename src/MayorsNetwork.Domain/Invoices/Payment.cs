namespace MayorsNetwork.Domain.Invoices;

/// <summary>Money received against an invoice, recorded by staff.</summary>
public sealed class Payment
{
    public int Id { get; set; }

    public int InvoiceId { get; set; }

    public decimal Amount { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public PaymentMethod Method { get; set; }

    public string Reference { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedBy { get; set; }
}

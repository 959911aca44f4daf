namespace MayorsNetwork.Domain.Invoices;

/// <summary>One line of an invoice: dues, or a discount (a negative amount).</summary>
public sealed class InvoiceLine
{
    public int Id { get; set; }

    public required string Description { get; set; }

    public decimal Amount { get; set; }
}

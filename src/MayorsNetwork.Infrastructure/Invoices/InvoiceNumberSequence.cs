namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>The last invoice number used in a fiscal year. One row per year, bumped inside the transaction that issues an invoice.</summary>
public sealed class InvoiceNumberSequence
{
    public int FiscalYear { get; set; }

    public int Last { get; set; }
}

namespace MayorsNetwork.Domain.Invoices;

public enum InvoiceKind
{
    /// <summary>The first year's dues, issued on approval.</summary>
    FirstYear = 1,

    /// <summary>Dues for a following fiscal year, issued by the renewal run.</summary>
    Renewal = 2,
}

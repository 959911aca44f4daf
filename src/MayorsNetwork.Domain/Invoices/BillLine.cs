namespace MayorsNetwork.Domain.Invoices;

/// <summary>A line of an invoice being worked out, before it is issued: dues, or a discount (a negative amount).</summary>
public sealed record BillLine(string Description, decimal Amount);

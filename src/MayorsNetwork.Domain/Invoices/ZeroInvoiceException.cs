namespace MayorsNetwork.Domain.Invoices;

public sealed class ZeroInvoiceException(string member) : InvalidOperationException($"The dues for {member} come to $0; no invoice is issued for nothing.");

namespace MayorsNetwork.Domain.Invoices;

public enum ReceiptKind
{
    /// <summary>The payment settled the invoice: the balance is zero.</summary>
    Receipt = 1,

    /// <summary>A partial payment: the balance left is shown.</summary>
    Acknowledgement = 2,
}

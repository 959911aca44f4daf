namespace MayorsNetwork.Domain.Invoices;

public enum InvoiceStatus
{
    /// <summary>Created; its email is waiting in the outbox.</summary>
    Issued = 1,

    /// <summary>Emailed to the billing contact.</summary>
    Sent = 2,

    /// <summary>Paid in full.</summary>
    Paid = 3,

    /// <summary>Cancelled by staff, with a reason; its number is never reused.</summary>
    Void = 4,
}

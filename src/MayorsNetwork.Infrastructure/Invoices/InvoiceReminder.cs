namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>A reminder already sent for an invoice, so that each is sent once (a unique index).</summary>
public sealed class InvoiceReminder
{
    public int Id { get; set; }

    public int InvoiceId { get; set; }

    public MayorsNetwork.Domain.Invoices.ReminderKind Kind { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

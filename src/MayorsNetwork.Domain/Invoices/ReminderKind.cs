namespace MayorsNetwork.Domain.Invoices;

public enum ReminderKind
{
    /// <summary>A while before the due date (InvoiceOptions.ReminderDaysBefore).</summary>
    BeforeDue = 1,

    /// <summary>On the due date.</summary>
    OnDueDate = 2,

    /// <summary>When the member enters the grace period.</summary>
    EnteringGrace = 3,
}

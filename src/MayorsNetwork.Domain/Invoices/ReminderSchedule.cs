namespace MayorsNetwork.Domain.Invoices;

public static class ReminderSchedule
{
    /// <summary>The reminders an open invoice should have had by today (each is sent once).</summary>
    public static IEnumerable<ReminderKind> DueBy(DateOnly dueOn, DateOnly issuedOn, DateOnly today, int daysBefore)
    {
        // An invoice issued inside the reminder window needs no "coming due" reminder.
        var beforeDue = dueOn.AddDays(-daysBefore);
        if (today >= beforeDue && today < dueOn && issuedOn < beforeDue) yield return ReminderKind.BeforeDue;
        if (today == dueOn) yield return ReminderKind.OnDueDate;
        if (today > dueOn) yield return ReminderKind.EnteringGrace;
    }
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// Which reminders an open invoice should have had by a given day: 14 days before the due date (if it was
/// issued before that), on the due date, and once it is past due. Issued March 10, due April 9.
/// </summary>
public class ReminderScheduleTests
{
    private const int DaysBefore = 14;
    private static readonly DateOnly Issued = new(2026, 3, 10);
    private static readonly DateOnly Due = new(2026, 4, 9);

    private static ReminderKind[] DueBy(DateOnly today, DateOnly? issued = null) =>
        ReminderSchedule.DueBy(Due, issued ?? Issued, today, DaysBefore).ToArray();

    [Fact]
    public void Fifteen_days_before_the_due_date_no_reminder_is_due()
    {
        Assert.Empty(DueBy(Due.AddDays(-15)));
    }

    [Fact]
    public void From_fourteen_days_before_to_the_day_before_the_coming_due_reminder_is_due()
    {
        Assert.Equal([ReminderKind.BeforeDue], DueBy(Due.AddDays(-14)));
        Assert.Equal([ReminderKind.BeforeDue], DueBy(Due.AddDays(-1)));
    }

    [Fact]
    public void On_the_due_date_the_due_today_reminder_is_due()
    {
        Assert.Equal([ReminderKind.OnDueDate], DueBy(Due));
    }

    [Fact]
    public void After_the_due_date_the_grace_reminder_is_due()
    {
        Assert.Equal([ReminderKind.EnteringGrace], DueBy(Due.AddDays(1)));
        Assert.Equal([ReminderKind.EnteringGrace], DueBy(Due.AddDays(40)));
    }

    [Fact]
    public void An_invoice_issued_inside_the_window_gets_no_coming_due_reminder()
    {
        // Issued 10 days before it is due: the invoice itself is the reminder.
        Assert.Empty(DueBy(Due.AddDays(-5), issued: Due.AddDays(-10)));
        // Issued exactly 14 days before: also inside the window.
        Assert.Empty(DueBy(Due.AddDays(-14), issued: Due.AddDays(-14)));
        Assert.Equal([ReminderKind.OnDueDate], DueBy(Due, issued: Due.AddDays(-10)));
    }
}

using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// The dues lifecycle with council holds. Issued March 10, 2026, due April 9, 14 days' reminder, 30 days' grace:
/// without a hold the member enters Grace on April 10 and lapses on May 10.
/// </summary>
public class DuesClockTests
{
    private const int Grace = 30;
    private const int Before = 14;
    private static readonly DateOnly Issued = new(2026, 3, 10);
    private static readonly DateOnly Due = new(2026, 4, 9);

    private static readonly MembershipStatus[] Statuses = Enum.GetValues<MembershipStatus>();

    [Theory]
    [InlineData(30, 14)]
    [InlineData(0, 1)]
    [InlineData(5, 30)]
    public void Without_a_hold_it_answers_exactly_as_DuesStanding_and_ReminderSchedule(int grace, int before)
    {
        var clock = new DuesClock(Issued, Due, grace, before);
        for (var day = Issued.AddDays(-5); day <= Due.AddDays(grace + 40); day = day.AddDays(1))
        {
            Assert.False(clock.IsPaused(day));
            Assert.Equal(day, clock.ClockDate(day));
            Assert.Equal(ReminderSchedule.DueBy(Due, Issued, day, before), clock.RemindersDueBy(day));
            foreach (var status in Statuses)
                Assert.Equal(DuesStanding.NextStatus(status, Due, day, grace), clock.NextStatus(status, day));
        }

        Assert.Equal(Due, clock.EffectiveDueOn);
        Assert.Equal(Due.AddDays(1), clock.EntersGraceOn);
        Assert.Equal(Due.AddDays(grace + 1), clock.LapsesOn);
    }

    [Fact]
    public void A_hold_from_before_the_due_date_pauses_everything_then_resumes_with_its_57_days_added()
    {
        // Recorded March 20, expected by May 15: 57 days held. Due April 9 becomes June 5.
        var clock = Clock(new HoldPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 5, 15)));

        // Without the hold the coming-due reminder would go on March 26; held, it does not.
        Assert.Equal([ReminderKind.BeforeDue], ReminderSchedule.DueBy(Due, Issued, new DateOnly(2026, 3, 26), Before));
        Assert.Empty(clock.RemindersDueBy(new DateOnly(2026, 3, 26)));
        Assert.False(clock.IsPaused(new DateOnly(2026, 3, 19)));
        Assert.True(clock.IsPaused(new DateOnly(2026, 3, 20)));
        Assert.True(clock.IsPaused(new DateOnly(2026, 5, 15)));
        Assert.False(clock.IsPaused(new DateOnly(2026, 5, 16)));

        // The printed due date and what would have been the grace and lapse days pass without a move or reminder.
        foreach (var day in new[] { Due, Due.AddDays(1), Due.AddDays(31), new DateOnly(2026, 5, 15) })
        {
            Assert.Empty(clock.RemindersDueBy(day));
            Assert.Null(clock.NextStatus(MembershipStatus.Invoiced, day));
        }

        // The day after the date, the clock stands where it stopped: March 20.
        Assert.Equal(new DateOnly(2026, 3, 20), clock.ClockDate(new DateOnly(2026, 5, 16)));
        Assert.Equal(new DateOnly(2026, 5, 16), clock.ResumesOn(new DateOnly(2026, 5, 1)));
        Assert.Null(clock.ResumesOn(new DateOnly(2026, 5, 16)));
        Assert.Null(new DuesClock(Issued, Due, Grace, Before).ResumesOn(DateOnly.MinValue));
        Assert.Equal(new DateOnly(2026, 6, 5), clock.EffectiveDueOn);
        Assert.Equal(new DateOnly(2026, 6, 6), clock.EntersGraceOn);
        Assert.Equal(new DateOnly(2026, 7, 6), clock.LapsesOn);

        // The coming-due reminder (it had not been sent: the hold began before its window) comes 14 days before June 5.
        Assert.Empty(clock.RemindersDueBy(new DateOnly(2026, 5, 21)));
        Assert.Equal([ReminderKind.BeforeDue], clock.RemindersDueBy(new DateOnly(2026, 5, 22)));
        Assert.Equal([ReminderKind.OnDueDate], clock.RemindersDueBy(new DateOnly(2026, 6, 5)));
        Assert.Null(clock.NextStatus(MembershipStatus.Invoiced, new DateOnly(2026, 6, 5)));
        Assert.Equal([ReminderKind.EnteringGrace], clock.RemindersDueBy(new DateOnly(2026, 6, 6)));
        Assert.Equal(MembershipStatus.Grace, clock.NextStatus(MembershipStatus.Invoiced, new DateOnly(2026, 6, 6)));
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 7, 5)));
        Assert.Equal(MembershipStatus.Lapsed, clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 7, 6)));
    }

    [Fact]
    public void A_hold_recorded_in_Grace_keeps_Grace_stops_the_lapse_and_gives_back_its_43_days()
    {
        // Eleven days late, on April 20, the city records a hold to June 1 (43 days). Without it the member lapses May 10.
        var clock = Clock(new HoldPeriod(new DateOnly(2026, 4, 20), new DateOnly(2026, 6, 1)));

        Assert.Equal(MembershipStatus.Grace, clock.NextStatus(MembershipStatus.Active, new DateOnly(2026, 4, 19)));
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 5, 10)));
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 6, 1)));
        Assert.Empty(clock.RemindersDueBy(new DateOnly(2026, 6, 1)));

        Assert.Equal(new DateOnly(2026, 4, 20), clock.ClockDate(new DateOnly(2026, 6, 2)));
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 6, 2)));
        Assert.Equal(new DateOnly(2026, 6, 22), clock.LapsesOn);
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 6, 21)));
        Assert.Equal(MembershipStatus.Lapsed, clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 6, 22)));
    }

    [Fact]
    public void A_hold_that_starts_on_the_due_date_moves_the_due_date_by_its_length()
    {
        var clock = Clock(new HoldPeriod(Due, new DateOnly(2026, 4, 20)));

        Assert.Empty(clock.RemindersDueBy(Due));
        Assert.Equal(new DateOnly(2026, 4, 21), clock.EffectiveDueOn);
        Assert.Equal([ReminderKind.OnDueDate], clock.RemindersDueBy(new DateOnly(2026, 4, 21)));
        Assert.Equal(MembershipStatus.Grace, clock.NextStatus(MembershipStatus.Invoiced, new DateOnly(2026, 4, 22)));
    }

    [Fact]
    public void A_hold_to_the_furthest_date_allowed_bounds_the_lapse()
    {
        // Recorded on the due date to August 7 (due + 120): 121 days held; the lapse moves from May 10 to September 8.
        var clock = Clock(new HoldPeriod(Due, CouncilHold.LatestDate(Due, CouncilHold.DefaultMaxDays)));

        Assert.Equal(new DateOnly(2026, 9, 8), clock.LapsesOn);
        Assert.Null(clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 9, 7)));
        Assert.Equal(MembershipStatus.Lapsed, clock.NextStatus(MembershipStatus.Grace, new DateOnly(2026, 9, 8)));
    }

    [Fact]
    public void Two_stretches_add_their_days_but_not_the_days_between()
    {
        // Held March 20–25 (6 days) and April 1–10 (10 days): due April 9 becomes April 25.
        var clock = Clock(new HoldPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 25)), new HoldPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10)));

        Assert.Equal(new DateOnly(2026, 3, 25), clock.ClockDate(new DateOnly(2026, 3, 31)));
        Assert.Equal(6, clock.HeldDaysBefore(new DateOnly(2026, 4, 1)));
        Assert.Equal(16, clock.HeldDaysBefore(new DateOnly(2026, 4, 11)));
        Assert.Equal(new DateOnly(2026, 4, 25), clock.EffectiveDueOn);
        Assert.Equal(Due, clock.ClockDate(clock.EffectiveDueOn));
    }

    [Fact]
    public void Every_real_day_after_a_hold_maps_back_to_one_clock_day()
    {
        var clock = Clock(new HoldPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 25)), new HoldPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 10)));
        for (var clockDay = Issued; clockDay <= Due.AddDays(60); clockDay = clockDay.AddDays(1))
        {
            var real = clock.RealDateOf(clockDay);
            Assert.False(clock.IsPaused(real));
            Assert.Equal(clockDay, clock.ClockDate(real));
        }
    }

    [Fact]
    public void The_clock_of_an_invoice_takes_its_holds_periods()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = CouncilHold.Record(invoice, new DateOnly(2026, 5, 15), CouncilHold.DefaultMaxDays, new DateOnly(2026, 3, 20), null, "Staff", null, InvoiceExamples.Now).Value;

        var clock = DuesClock.For(invoice, Grace, Before, hold);

        Assert.Equal(new DateOnly(2026, 6, 5), clock.EffectiveDueOn);
        Assert.Equal(Due, DuesClock.For(invoice, Grace, Before, null).EffectiveDueOn);
    }

    [Fact]
    public void Overlapping_or_empty_stretches_are_programming_errors()
    {
        Assert.Throws<ArgumentException>(() => Clock(new HoldPeriod(Due, Due.AddDays(5)), new HoldPeriod(Due.AddDays(5), Due.AddDays(9))));
        Assert.Throws<ArgumentException>(() => Clock(new HoldPeriod(Due, Due.AddDays(-1))));
    }

    [Fact]
    public void Overdue_after_the_effective_due_date_and_never_on_a_held_day()
    {
        Assert.False(Clock().IsOverdue(Due));
        Assert.True(Clock().IsOverdue(Due.AddDays(1)));

        // Held March 20 to April 20 (32 days, over the due date): due May 11, whether the hold is in force or ran out.
        var held = Clock(new HoldPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 20)));
        Assert.Equal(new DateOnly(2026, 5, 11), held.EffectiveDueOn);
        Assert.False(held.IsOverdue(Due.AddDays(1)));
        Assert.False(held.IsOverdue(new DateOnly(2026, 4, 21)));
        Assert.False(held.IsOverdue(new DateOnly(2026, 5, 11)));
        Assert.True(held.IsOverdue(new DateOnly(2026, 5, 12)));

        // Recorded after the due date (April 15 to 30): overdue before it, not while held, again after it.
        var late = Clock(new HoldPeriod(new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 30)));
        Assert.True(late.IsOverdue(new DateOnly(2026, 4, 14)));
        Assert.False(late.IsOverdue(new DateOnly(2026, 4, 15)));
        Assert.True(late.IsOverdue(new DateOnly(2026, 5, 1)));
    }

    private static DuesClock Clock(params HoldPeriod[] holds) => new(Issued, Due, Grace, Before, holds);
}

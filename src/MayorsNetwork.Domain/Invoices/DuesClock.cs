using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// The dues lifecycle of one open invoice, with the council holds that stop its clock (issue 14). It extends
/// <see cref="DuesStanding.NextStatus"/> and <see cref="ReminderSchedule.DueBy"/> and, with no hold, answers exactly
/// as they do:
/// <list type="bullet">
/// <item>on a held day, no reminder is due and the membership does not move;</item>
/// <item>on any other day the rules run on the <see cref="ClockDate"/>: today, less the days held before it. So when a
/// hold ends unpaid, the lifecycle resumes where it stopped, with the held days added back to every date.</item>
/// </list>
/// </summary>
public sealed class DuesClock
{
    private readonly HoldPeriod[] _holds;

    public DuesClock(DateOnly issuedOn, DateOnly dueOn, int graceDays, int reminderDaysBefore, IEnumerable<HoldPeriod>? holds = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        ArgumentOutOfRangeException.ThrowIfNegative(reminderDaysBefore);
        IssuedOn = issuedOn;
        DueOn = dueOn;
        GraceDays = graceDays;
        ReminderDaysBefore = reminderDaysBefore;
        _holds = (holds ?? []).OrderBy(h => h.From).ToArray();
        for (var i = 0; i < _holds.Length; i++)
        {
            if (_holds[i].Days <= 0) throw new ArgumentException($"A held stretch must end on or after its start ({_holds[i]}).", nameof(holds));
            if (i > 0 && _holds[i].From <= _holds[i - 1].To) throw new ArgumentException("Held stretches cannot overlap.", nameof(holds));
        }
    }

    public DateOnly IssuedOn { get; }

    public DateOnly DueOn { get; }

    public int GraceDays { get; }

    public int ReminderDaysBefore { get; }

    public IReadOnlyList<HoldPeriod> Holds => _holds;

    /// <summary>The clock of <paramref name="invoice"/>, with its council hold if it has one.</summary>
    public static DuesClock For(Invoice invoice, int graceDays, int reminderDaysBefore, CouncilHold? hold) =>
        new(invoice.IssuedOn, invoice.DueOn, graceDays, reminderDaysBefore, hold?.Periods());

    /// <summary>A held day: no reminder, no move.</summary>
    public bool IsPaused(DateOnly today) => _holds.Any(h => h.Contains(today));

    /// <summary>The held days before <paramref name="today"/>.</summary>
    public int HeldDaysBefore(DateOnly today) =>
        _holds.Where(h => h.From < today).Sum(h => (h.To < today ? h.To : today.AddDays(-1)).DayNumber - h.From.DayNumber + 1);

    /// <summary>The day the lifecycle rules see: today less the held days before it.</summary>
    public DateOnly ClockDate(DateOnly today) => today.AddDays(-HeldDaysBefore(today));

    /// <summary>The status the membership should move to today, or null (always null on a held day).</summary>
    public MembershipStatus? NextStatus(MembershipStatus current, DateOnly today) =>
        IsPaused(today) ? null : DuesStanding.NextStatus(current, DueOn, ClockDate(today), GraceDays);

    /// <summary>The reminders the invoice should have had by today (none on a held day); each is sent once, as before.</summary>
    public IReadOnlyList<ReminderKind> RemindersDueBy(DateOnly today) =>
        IsPaused(today) ? [] : ReminderSchedule.DueBy(DueOn, IssuedOn, ClockDate(today), ReminderDaysBefore).ToList();

    /// <summary>The first real day on which the clock shows <paramref name="clockDate"/>, with the holds as they stand.</summary>
    public DateOnly RealDateOf(DateOnly clockDate)
    {
        var day = clockDate;
        foreach (var hold in _holds)
            if (hold.From <= day) day = day.AddDays(hold.Days);
        return day;
    }

    /// <summary>The due date with the held days added (the printed due date never changes).</summary>
    public DateOnly EffectiveDueOn => RealDateOf(DueOn);

    /// <summary>
    /// Whether an unpaid invoice is overdue on <paramref name="today"/>: past its <see cref="EffectiveDueOn"/> and not on a
    /// held day (awaiting council approval is never overdue while the hold is in force).
    /// </summary>
    public bool IsOverdue(DateOnly today) => !IsPaused(today) && today > EffectiveDueOn;

    /// <summary>The first day in Grace if still unpaid (with no grace days, the member lapses that day instead).</summary>
    public DateOnly EntersGraceOn => RealDateOf(DueOn.AddDays(1));

    /// <summary>The day the membership lapses if still unpaid.</summary>
    public DateOnly LapsesOn => RealDateOf(DueOn.AddDays(GraceDays + 1));

    /// <summary>The day after the hold in force on <paramref name="today"/> ends, or null when none is.</summary>
    public DateOnly? ResumesOn(DateOnly today)
    {
        foreach (var hold in _holds)
            if (hold.Contains(today)) return hold.To.AddDays(1);
        return null;
    }
}

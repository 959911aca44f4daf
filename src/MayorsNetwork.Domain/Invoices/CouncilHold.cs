namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// "Payment awaits council approval, expected by DATE" on an unpaid invoice (issue 14). One per invoice; recorded by
/// the city or by staff, moved as often as needed within the bound, and every change is kept in
/// <see cref="Changes"/>.
/// <para>
/// The hold stops the invoice's clock (<see cref="DuesClock"/>) from the day it is recorded to the expected date,
/// both included: no reminders, and the membership does not move to Grace or Lapsed (a status already reached is
/// kept, not undone). The day after the date, if still unpaid, the clock runs again from where it stopped: every
/// date of the lifecycle (reminders, due date, grace, lapse) comes that many days later. A date set again after the
/// hold had run out starts a new held stretch; the days between were not held.
/// </para>
/// <para>
/// The expected date is today or later, and at most <c>Invoices:CouncilHoldMaxDays</c> (default
/// <see cref="DefaultMaxDays"/>) after the invoice's due date, which also bounds how late a hold can make the lifecycle.
/// </para>
/// </summary>
public sealed class CouncilHold
{
    public const int DefaultMaxDays = 120;
    public const int NoteMaxLength = 500;

    public const string InvoiceClosed = "council-hold.invoice-closed";
    public const string DatePassed = "council-hold.date-passed";
    public const string BeyondMaximum = "council-hold.beyond-maximum";
    public const string NotHeld = "council-hold.not-held";
    public const string NoteTooLong = "council-hold.note-too-long";

    private CouncilHold()
    {
    }

    public int Id { get; set; }

    public int InvoiceId { get; private set; }

    /// <summary>The date payment is expected by: the last day held (unless <see cref="IsLifted"/>).</summary>
    public DateOnly ExpectedBy { get; private set; }

    /// <summary>Ended before its date by <see cref="Lift"/>; setting a date again holds anew.</summary>
    public bool IsLifted { get; private set; }

    /// <summary>Changed on every update (optimistic concurrency).</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<CouncilHoldChange> Changes { get; private set; } = [];

    /// <summary>The latest expected date allowed for an invoice due on <paramref name="dueOn"/>.</summary>
    public static DateOnly LatestDate(DateOnly dueOn, int maxDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDays);
        return dueOn.AddDays(maxDays);
    }

    /// <summary>Records a hold on an open, unpaid invoice.</summary>
    public static RuleResult<CouncilHold> Record(Invoice invoice, DateOnly expectedBy, int maxDays, DateOnly today,
        string? byUserId, string byName, string? note, DateTime nowUtc)
    {
        if (Check(invoice, expectedBy, maxDays, today, note) is { Count: > 0 } errors) return RuleResult.Fail<CouncilHold>(errors);
        var hold = new CouncilHold { InvoiceId = invoice.Id, ExpectedBy = expectedBy };
        hold.Changes.Add(CouncilHoldChange.Make(0, CouncilHoldChangeKind.Recorded, today, null, expectedBy, byUserId, byName, note, nowUtc));
        return RuleResult.Ok(hold);
    }

    /// <summary>Moves the expected date (earlier or later, within the bound), or sets one again after the hold ran out or was lifted.</summary>
    public RuleResult Move(Invoice invoice, DateOnly expectedBy, int maxDays, DateOnly today,
        string? byUserId, string byName, string? note, DateTime nowUtc)
    {
        EnsureFor(invoice);
        if (Check(invoice, expectedBy, maxDays, today, note) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        if (!IsLifted && expectedBy == ExpectedBy) return RuleResult.Ok();
        Changes.Add(CouncilHoldChange.Make(Id, CouncilHoldChangeKind.Moved, today, IsLifted ? null : ExpectedBy, expectedBy, byUserId, byName, note, nowUtc));
        ExpectedBy = expectedBy;
        IsLifted = false;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>Ends a hold that is in force: from today the clock runs again.</summary>
    public RuleResult Lift(Invoice invoice, DateOnly today, string? byUserId, string byName, string? note, DateTime nowUtc)
    {
        EnsureFor(invoice);
        if (!Covers(today))
            return RuleResult.Fail(NotHeld, $"Invoice {invoice.Number} is not on hold today; there is nothing to lift.");
        if (note is { Length: > NoteMaxLength })
            return RuleResult.Fail(NoteTooLong, $"The note can be at most {NoteMaxLength} characters.", "Note");
        Changes.Add(CouncilHoldChange.Make(Id, CouncilHoldChangeKind.Lifted, today, ExpectedBy, null, byUserId, byName, note, nowUtc));
        IsLifted = true;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>Whether the hold stops the clock on <paramref name="day"/> (as the changes recorded so far have it).</summary>
    public bool Covers(DateOnly day) => Periods().Any(p => p.Contains(day));

    /// <summary>The held stretches, in order, worked out from the changes: each change made while the hold was in
    /// force moves the end of the current stretch; one made after it ran out (or was lifted) starts a new stretch.</summary>
    public IReadOnlyList<HoldPeriod> Periods()
    {
        var periods = new List<HoldPeriod>();
        foreach (var change in Changes.OrderBy(c => c.AtUtc).ThenBy(c => c.Id == 0 ? long.MaxValue : c.Id))
        {
            var active = periods.Count > 0 && periods[^1].Contains(change.On);
            if (change.Kind == CouncilHoldChangeKind.Lifted)
            {
                if (!active) continue;
                var cut = periods[^1] with { To = change.On.AddDays(-1) };
                periods.RemoveAt(periods.Count - 1);
                if (cut.Days > 0) periods.Add(cut);
            }
            else if (change.ExpectedBy is { } to)
            {
                if (active) periods[^1] = periods[^1] with { To = to };
                else periods.Add(new HoldPeriod(change.On, to));
            }
        }

        return periods;
    }

    private static List<RuleError> Check(Invoice invoice, DateOnly expectedBy, int maxDays, DateOnly today, string? note)
    {
        var errors = new List<RuleError>();
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.Sent) || invoice.Balance <= 0)
        {
            errors.Add(new RuleError(InvoiceClosed, $"Invoice {invoice.Number} is {(invoice.Status == InvoiceStatus.Void ? "void" : "paid")}; only an unpaid invoice can await council approval."));
            return errors;
        }

        var latest = LatestDate(invoice.DueOn, maxDays);
        if (expectedBy < today)
            errors.Add(new RuleError(DatePassed, $"The date payment is expected by cannot be in the past; enter {Day(today)} or later.", nameof(ExpectedBy)));
        else if (expectedBy > latest)
            errors.Add(new RuleError(BeyondMaximum,
                $"The date can be at most {maxDays} days after the due date ({Day(invoice.DueOn)}): {Day(latest)} at the latest.", nameof(ExpectedBy)));
        if (note is { Length: > NoteMaxLength })
            errors.Add(new RuleError(NoteTooLong, $"The note can be at most {NoteMaxLength} characters.", "Note"));
        return errors;
    }

    private void EnsureFor(Invoice invoice)
    {
        if (InvoiceId != 0 && invoice.Id != InvoiceId)
            throw new ArgumentException($"This hold belongs to invoice {InvoiceId}, not {invoice.Id}.", nameof(invoice));
    }

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// Recording, moving and lifting "payment awaits council approval, expected by DATE". The invoice was issued
/// March 10, 2026 and is due April 9; with the default bound of 120 days the latest date is August 7.
/// </summary>
public class CouncilHoldTests
{
    private const int MaxDays = CouncilHold.DefaultMaxDays;
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly DateOnly Latest = new(2026, 8, 7);

    [Fact]
    public void A_hold_is_recorded_with_who_when_and_why()
    {
        var invoice = InvoiceExamples.Sent();

        var result = CouncilHold.Record(invoice, new DateOnly(2026, 5, 15), MaxDays, Today, "u-clerk", "Pat Clerk", "Council meets May 12", InvoiceExamples.Now);

        var hold = result.Value;
        Assert.Equal(new DateOnly(2026, 5, 15), hold.ExpectedBy);
        Assert.False(hold.IsLifted);
        var change = Assert.Single(hold.Changes);
        Assert.Equal(CouncilHoldChangeKind.Recorded, change.Kind);
        Assert.Equal(Today, change.On);
        Assert.Null(change.PreviousDate);
        Assert.Equal(new DateOnly(2026, 5, 15), change.ExpectedBy);
        Assert.Equal("Pat Clerk", change.ByName);
        Assert.Equal("u-clerk", change.ByUserId);
        Assert.Equal("Council meets May 12", change.Note);
        Assert.Equal(InvoiceExamples.Now, change.AtUtc);
        Assert.Equal([new HoldPeriod(Today, new DateOnly(2026, 5, 15))], hold.Periods());
    }

    [Fact]
    public void The_date_may_be_today_and_at_most_120_days_after_the_due_date()
    {
        var invoice = InvoiceExamples.Sent();
        Assert.Equal(Latest, CouncilHold.LatestDate(invoice.DueOn, MaxDays));

        Assert.True(Record(invoice, Today).Succeeded);
        Assert.True(Record(invoice, Latest).Succeeded);

        var late = Record(invoice, Latest.AddDays(1));
        Assert.Equal(new RuleError(CouncilHold.BeyondMaximum,
            "The date can be at most 120 days after the due date (April 9, 2026): August 7, 2026 at the latest.", "ExpectedBy"), late.Error);

        var past = Record(invoice, Today.AddDays(-1));
        Assert.Equal(new RuleError(CouncilHold.DatePassed,
            "The date payment is expected by cannot be in the past; enter March 20, 2026 or later.", "ExpectedBy"), past.Error);
    }

    [Fact]
    public void The_bound_is_a_setting()
    {
        var invoice = InvoiceExamples.Sent();

        Assert.True(CouncilHold.Record(invoice, invoice.DueOn.AddDays(30), 30, Today, null, "Staff", null, InvoiceExamples.Now).Succeeded);
        Assert.False(CouncilHold.Record(invoice, invoice.DueOn.AddDays(31), 30, Today, null, "Staff", null, InvoiceExamples.Now).Succeeded);
    }

    [Fact]
    public void A_paid_or_void_invoice_cannot_await_council_approval()
    {
        var paid = InvoiceExamples.Sent();
        paid.Pay(paid.Balance, Today, PaymentMethod.Check, "1", "Staff", InvoiceExamples.Now);
        var voided = InvoiceExamples.Sent();
        voided.MarkVoid("Duplicate", "Staff", InvoiceExamples.Now);

        Assert.Equal("Invoice 2026-000123 is paid; only an unpaid invoice can await council approval.", Record(paid, Latest).Error!.Message);
        Assert.Equal("Invoice 2026-000123 is void; only an unpaid invoice can await council approval.", Record(voided, Latest).Error!.Message);
        Assert.Equal(CouncilHold.InvoiceClosed, Record(voided, Latest).Error!.Code);
    }

    [Fact]
    public void A_partly_paid_invoice_can_await_council_approval()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(100m, Today, PaymentMethod.Check, "1", "Staff", InvoiceExamples.Now);

        Assert.True(Record(invoice, Latest).Succeeded);
    }

    [Fact]
    public void A_note_longer_than_500_characters_is_refused()
    {
        var result = CouncilHold.Record(InvoiceExamples.Sent(), Latest, MaxDays, Today, null, "Staff", new string('n', 501), InvoiceExamples.Now);

        Assert.Equal(CouncilHold.NoteTooLong, result.Error!.Code);
        Assert.Equal("Note", result.Error.Property);
    }

    [Fact]
    public void Moving_the_date_is_a_recorded_change_and_a_move_beyond_the_bound_changes_nothing()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 5, 15)).Value;
        var version = hold.Version;

        var moved = hold.Move(invoice, new DateOnly(2026, 6, 20), MaxDays, new DateOnly(2026, 5, 1), null, "Staff", "Council postponed", InvoiceExamples.Now.AddDays(40));
        Assert.True(moved.Succeeded);
        Assert.Equal(new DateOnly(2026, 6, 20), hold.ExpectedBy);
        Assert.NotEqual(version, hold.Version);
        var change = hold.Changes[^1];
        Assert.Equal(CouncilHoldChangeKind.Moved, change.Kind);
        Assert.Equal(new DateOnly(2026, 5, 15), change.PreviousDate);
        Assert.Equal(new DateOnly(2026, 6, 20), change.ExpectedBy);
        Assert.Equal("Council postponed", change.Note);

        var refused = hold.Move(invoice, Latest.AddDays(1), MaxDays, new DateOnly(2026, 5, 2), null, "Staff", null, InvoiceExamples.Now.AddDays(41));
        Assert.Equal(CouncilHold.BeyondMaximum, refused.Error!.Code);
        Assert.Equal(new DateOnly(2026, 6, 20), hold.ExpectedBy);
        Assert.Equal(2, hold.Changes.Count);
    }

    [Fact]
    public void Moving_to_the_same_date_records_nothing()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 5, 15)).Value;

        Assert.True(hold.Move(invoice, new DateOnly(2026, 5, 15), MaxDays, Today, null, "Staff", null, InvoiceExamples.Now).Succeeded);
        Assert.Single(hold.Changes);
    }

    [Fact]
    public void Moving_earlier_while_held_shortens_the_held_stretch()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 5, 15)).Value;

        hold.Move(invoice, new DateOnly(2026, 4, 30), MaxDays, new DateOnly(2026, 4, 1), null, "Staff", null, InvoiceExamples.Now.AddDays(12));

        Assert.Equal([new HoldPeriod(Today, new DateOnly(2026, 4, 30))], hold.Periods());
    }

    [Fact]
    public void A_date_set_again_after_the_hold_ran_out_starts_a_new_stretch_and_the_days_between_were_not_held()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 4, 30)).Value;

        var again = hold.Move(invoice, new DateOnly(2026, 6, 10), MaxDays, new DateOnly(2026, 5, 10), null, "Staff", "Second reading", InvoiceExamples.Now.AddDays(51));

        Assert.True(again.Succeeded);
        Assert.Equal([new HoldPeriod(Today, new DateOnly(2026, 4, 30)), new HoldPeriod(new DateOnly(2026, 5, 10), new DateOnly(2026, 6, 10))], hold.Periods());
        Assert.False(hold.Covers(new DateOnly(2026, 5, 9)));
        Assert.True(hold.Covers(new DateOnly(2026, 5, 10)));
    }

    [Fact]
    public void Setting_the_date_again_the_day_after_it_passed_continues_the_stretch()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 4, 30)).Value;

        hold.Move(invoice, new DateOnly(2026, 6, 10), MaxDays, new DateOnly(2026, 5, 1), null, "Staff", null, InvoiceExamples.Now.AddDays(42));

        Assert.Equal([new HoldPeriod(Today, new DateOnly(2026, 4, 30)), new HoldPeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 10))], hold.Periods());
        var clock = DuesClock.For(invoice, 30, 14, hold);
        Assert.Equal(clock.RealDateOf(invoice.DueOn), invoice.DueOn.AddDays(83)); // March 20 to June 10, every day held
    }

    [Fact]
    public void Lifting_ends_the_hold_from_that_day_and_a_later_date_holds_anew()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 5, 15)).Value;

        var lifted = hold.Lift(invoice, new DateOnly(2026, 4, 1), null, "Staff", "Entered by mistake", InvoiceExamples.Now.AddDays(12));

        Assert.True(lifted.Succeeded);
        Assert.True(hold.IsLifted);
        Assert.Equal([new HoldPeriod(Today, new DateOnly(2026, 3, 31))], hold.Periods());
        Assert.Equal(CouncilHold.NotHeld, hold.Lift(invoice, new DateOnly(2026, 4, 2), null, "Staff", null, InvoiceExamples.Now.AddDays(13)).Error!.Code);

        hold.Move(invoice, new DateOnly(2026, 5, 1), MaxDays, new DateOnly(2026, 4, 10), null, "Staff", null, InvoiceExamples.Now.AddDays(21));
        Assert.False(hold.IsLifted);
        Assert.Null(hold.Changes[^1].PreviousDate);
        Assert.Equal(2, hold.Periods().Count);
    }

    [Fact]
    public void A_hold_lifted_on_the_day_it_was_recorded_held_nothing()
    {
        var invoice = InvoiceExamples.Sent();
        var hold = Record(invoice, new DateOnly(2026, 5, 15)).Value;

        hold.Lift(invoice, Today, null, "Staff", null, InvoiceExamples.Now.AddMinutes(5));

        Assert.Empty(hold.Periods());
    }

    private static RuleResult<CouncilHold> Record(Invoice invoice, DateOnly expectedBy) =>
        CouncilHold.Record(invoice, expectedBy, MaxDays, Today, null, "Staff", null, InvoiceExamples.Now);
}

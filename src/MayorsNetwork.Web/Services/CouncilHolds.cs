using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// "Payment awaits council approval, expected by DATE" on an unpaid invoice (issue 14, item 5), recorded, moved or
/// lifted by the city or by staff. The rules are <see cref="CouncilHold"/>'s; the date's bound is
/// <c>Invoices:CouncilHoldMaxDays</c>. Each change carries the version of the hold the person was looking at
/// (<see cref="Guid.Empty"/> when there was none), so two people editing do not overwrite each other. Errors are keyed by
/// <see cref="DateField"/> and <see cref="NoteField"/>, the names the forms' inputs use. Recording or moving the date is
/// acknowledged to the billing contact through the outbox.
/// </summary>
public sealed class CouncilHolds(PortalDbContext db, IOptions<InvoiceOptions> terms, Outbox outbox, MembershipEmails emails, TimeProvider clock)
{
    public const string DateField = nameof(CouncilHold.ExpectedBy);
    public const string NoteField = "Note";

    public int MaxDays => terms.Value.CouncilHoldMaxDays;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The invoice's hold with its changes (read only), or null when none was ever recorded.</summary>
    public Task<CouncilHold?> ForInvoiceAsync(int invoiceId, CancellationToken cancellationToken) =>
        db.CouncilHolds.AsNoTracking().Include(h => h.Changes).FirstOrDefaultAsync(h => h.InvoiceId == invoiceId, cancellationToken);

    /// <summary>The invoice's lifecycle with its hold: when it resumes, and the due, grace and lapse dates with the held days added.</summary>
    public DuesClock ClockFor(Invoice invoice, CouncilHold? hold) =>
        DuesClock.For(invoice, terms.Value.GraceDays, terms.Value.ReminderDaysBefore, hold);

    /// <summary>Records the hold, or moves its date (setting one again after it ran out or was lifted).</summary>
    /// <param name="version">The hold's version when the form was shown; <see cref="Guid.Empty"/> when it showed none.</param>
    public async Task<Outcome> SetAsync(int invoiceId, Guid version, DateOnly expectedBy, string? note, string? byUserId, string byName, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).Include(i => i.Membership).ThenInclude(m => m.Government)
            .FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        var hold = await db.CouncilHolds.Include(h => h.Changes).FirstOrDefaultAsync(h => h.InvoiceId == invoiceId, cancellationToken);
        if ((hold?.Version ?? Guid.Empty) != version) return Outcome.Fail(ChangedMeanwhile(invoice));
        var now = clock.GetUtcNow().UtcDateTime;
        if (hold is null)
        {
            var recorded = CouncilHold.Record(invoice, expectedBy, MaxDays, Today, byUserId, byName, note, now);
            if (!recorded.Succeeded) return Refused(recorded.Errors);
            hold = recorded.Value;
            db.CouncilHolds.Add(hold);
        }
        else
        {
            var before = hold.Changes.Count;
            var moved = hold.Move(invoice, expectedBy, MaxDays, Today, byUserId, byName, note, now);
            if (!moved.Succeeded) return Refused(moved.Errors);
            if (hold.Changes.Count == before) return Outcome.Ok; // the same date: nothing to record
        }

        var change = hold.Changes[^1];
        var lifecycle = ClockFor(invoice, hold);
        EmailBillingContact(invoice, emails.CouncilHoldRecorded(invoice, expectedBy, change.PreviousDate, lifecycle.Holds.Sum(h => h.Days), lifecycle.LapsesOn, byName, change.Note));
        return await SaveAsync(invoice, cancellationToken);
    }

    /// <summary>Ends the hold in force today (entered by mistake, or the council has decided): from today the clock runs again.</summary>
    public async Task<Outcome> LiftAsync(int invoiceId, Guid version, string? note, string? byUserId, string byName, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        var hold = await db.CouncilHolds.Include(h => h.Changes).FirstOrDefaultAsync(h => h.InvoiceId == invoiceId, cancellationToken);
        if (hold is null || hold.Version != version) return Outcome.Fail(ChangedMeanwhile(invoice));
        var lifted = hold.Lift(invoice, Today, byUserId, byName, note, clock.GetUtcNow().UtcDateTime);
        if (!lifted.Succeeded) return Refused(lifted.Errors);
        return await SaveAsync(invoice, cancellationToken);
    }

    /// <summary>
    /// Queues the acknowledgement to the city's <see cref="BillingRecipients"/> (the billing contact, its CC addresses and
    /// the mayor), in the same transaction as the change. The invoice is read with its government.
    /// </summary>
    private void EmailBillingContact(Invoice invoice, ComposedEmail email)
    {
        var recipients = BillingRecipients.For(invoice.Membership.Government);
        email.EnqueueIn(outbox, $"Council approval {invoice.Number}: {invoice.MemberName}, {invoice.MemberState}", [recipients.To], recipients.Cc);
    }

    private async Task<Outcome> SaveAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateException)
        {
            // Someone else recorded (unique invoice) or changed (version) the hold between reading and saving.
            db.ChangeTracker.Clear();
            return Outcome.Fail(ChangedMeanwhile(invoice));
        }
    }

    private static Outcome Refused(IEnumerable<RuleError> errors) =>
        new(errors.Select(e => new KeyValuePair<string, string>(e.Property ?? "", e.Message)).ToList());

    private static string ChangedMeanwhile(Invoice invoice) =>
        $"The council approval of invoice {invoice.Number} was changed by someone else while you were looking at it. Nothing was changed; check it below and save again.";
}

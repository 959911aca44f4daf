using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The daily job: reminders before, on and after the due date, and unpaid members moved to Grace and
/// then Lapsed, on the invoice's <see cref="DuesClock"/> (paused while payment awaits council approval, issue 14).
/// Runs once a day on one instance (claimed in JobRuns); each reminder is sent once (a unique index), and each invoice is saved on its own so one failure does not stop the rest.
/// </summary>
public sealed class DuesLifecycle(
    PortalDbContext db,
    InvoiceIssuer issuer,
    MembershipEmails emails,
    IOptions<InvoiceOptions> terms,
    TimeProvider clock,
    ILogger<DuesLifecycle> logger)
{
    public const string JobName = "dues-lifecycle";
    private const string Actor = "Dues lifecycle (daily job)";

    /// <summary>Claims today's run; false when another instance (or an earlier call) already ran it today.</summary>
    public Task<bool> TryClaimTodayAsync(CancellationToken cancellationToken) =>
        DailyJobClaim.TryClaimAsync(db, JobName, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task<LifecycleReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var t = terms.Value;
        var horizon = today.AddDays(t.ReminderDaysBefore);
        var ids = await db.Invoices.AsNoTracking()
            .Where(i => (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent) && i.DueOn <= horizon)
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        // Council holds (issue 14) of those invoices, read once: few invoices have one.
        var holds = await db.CouncilHolds.AsNoTracking().Include(h => h.Changes)
            .Where(h => db.Invoices.Any(i => i.Id == h.InvoiceId && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent) && i.DueOn <= horizon))
            .ToDictionaryAsync(h => h.InvoiceId, cancellationToken);
        int reminders = 0, toGrace = 0, toLapsed = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var invoice = await db.Invoices.Include(i => i.Payments).Include(i => i.Membership).ThenInclude(m => m.Government)
                .SingleAsync(i => i.Id == id, cancellationToken);
            var sent = await db.InvoiceReminders.Where(r => r.InvoiceId == id).Select(r => r.Kind).ToListAsync(cancellationToken);
            // Awaiting council approval (issue 14): no reminder and no move on a held day; afterwards every date comes the held days later.
            var duesClock = DuesClock.For(invoice, t.GraceDays, t.ReminderDaysBefore, holds.GetValueOrDefault(id));
            var due = duesClock.RemindersDueBy(today).Except(sent).ToList();
            foreach (var kind in due)
            {
                db.InvoiceReminders.Add(new InvoiceReminder { InvoiceId = id, Kind = kind, CreatedAtUtc = now });
                issuer.QueueEmail(invoice, emails.InvoiceReminder(invoice, kind, duesClock.EffectiveDueOn), "Reminder");
            }

            var m = invoice.Membership;
            var next = duesClock.NextStatus(m.Status, today);
            if (next is { } status)
            {
                var held = duesClock.HeldDaysBefore(today);
                var reason = status == MembershipStatus.Grace
                    ? $"Invoice {invoice.Number} unpaid after its due date, {duesClock.EffectiveDueOn:MMMM d, yyyy}"
                    : $"Invoice {invoice.Number} unpaid at the end of the {t.GraceDays}-day grace period";
                if (held > 0) reason += $" ({held} days awaiting council approval added)";
                m.MoveTo(status, null, Actor, reason, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                reminders += due.Count;
                if (next == MembershipStatus.Grace) toGrace++;
                if (next == MembershipStatus.Lapsed) toLapsed++;
            }
            catch (DbUpdateException ex)
            {
                // Staff changed the membership meanwhile, or another run sent this reminder: tomorrow's run looks again.
                logger.LogWarning(ex, "Dues lifecycle skipped invoice {Number}", invoice.Number);
            }
        }

        logger.LogInformation("Dues lifecycle for {Today}: {Reminders} reminders, {Grace} to grace, {Lapsed} lapsed", today, reminders, toGrace, toLapsed);
        return new LifecycleReport(reminders, toGrace, toLapsed);
    }
}

using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The renewal run: next fiscal year's invoice for every Active member. Staff start it; the worker
/// issues invoices in batches, each in its own transaction. The unique index on (member, fiscal year)
/// and the "has no invoice yet" filter make it safe to restart, or to run on two instances at once.
/// </summary>
public sealed class RenewalRuns(
    PortalDbContext db,
    InvoiceIssuer issuer,
    TimeProvider clock,
    ILogger<RenewalRuns> logger)
{
    public const int BatchSize = 50;

    public async Task<(RenewalRun? Run, string? Error)> StartAsync(int fiscalYear, string startedBy, CancellationToken cancellationToken)
    {
        var existing = await db.RenewalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.FiscalYear == fiscalYear, cancellationToken);
        if (existing is not null)
            return (existing, existing.Status == RenewalRunStatus.Completed
                ? $"The renewal run for fiscal year {fiscalYear} has already been completed."
                : null);
        var run = new RenewalRun
        {
            FiscalYear = fiscalYear,
            StartedBy = startedBy,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
            Total = await Candidates(fiscalYear).CountAsync(cancellationToken),
        };
        db.RenewalRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another staff member started it a moment ago (unique index on the year): show theirs.
            db.ChangeTracker.Clear();
            return (await db.RenewalRuns.AsNoTracking().FirstAsync(r => r.FiscalYear == fiscalYear, cancellationToken), null);
        }

        return (run, null);
    }

    /// <summary>Issues up to one batch for each running run. Returns how many invoices were issued.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var runs = await db.RenewalRuns.Where(r => r.Status == RenewalRunStatus.Running).Select(r => r.Id).ToListAsync(cancellationToken);
        var issued = 0;
        foreach (var runId in runs)
        {
            var fiscalYear = await db.RenewalRuns.Where(r => r.Id == runId).Select(r => r.FiscalYear).SingleAsync(cancellationToken);
            var batch = await Candidates(fiscalYear).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var membershipId in batch)
            {
                db.ChangeTracker.Clear();
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var m = await db.Memberships.Include(x => x.Government).SingleAsync(x => x.Id == membershipId, cancellationToken);
                    await issuer.IssueAsync(m, fiscalYear, InvoiceKind.Renewal, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    issued++;
                }
                catch (DbUpdateException ex)
                {
                    // Another instance issued this member's invoice first; the unique index kept one.
                    logger.LogInformation(ex, "Renewal for membership {Id} already issued", membershipId);
                }
            }

            db.ChangeTracker.Clear();
            var done = await db.Invoices.CountAsync(i => i.FiscalYear == fiscalYear && i.Kind == InvoiceKind.Renewal && i.Status != InvoiceStatus.Void, cancellationToken);
            var remaining = batch.Count < BatchSize ? 0 : await Candidates(fiscalYear).CountAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.RenewalRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Issued, done)
                .SetProperty(r => r.Total, r => Math.Max(r.Total, done + remaining))
                .SetProperty(r => r.Status, remaining == 0 ? RenewalRunStatus.Completed : RenewalRunStatus.Running)
                .SetProperty(r => r.CompletedAtUtc, remaining == 0 ? now : null), cancellationToken);
        }

        return issued;
    }

    private IQueryable<Membership> Candidates(int fiscalYear) =>
        db.Memberships.Where(m => m.Status == MembershipStatus.Active
            && !db.Invoices.Any(i => i.MembershipId == m.Id && i.FiscalYear == fiscalYear && i.Status != InvoiceStatus.Void));
}

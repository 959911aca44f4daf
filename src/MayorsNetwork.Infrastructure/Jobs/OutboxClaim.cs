using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// Claims a batch of due outbox messages for one worker: Pending ones whose time has come, and Sending ones whose
/// worker's lock has expired (it died or stalled). Two workers never hold the same message. Each provider's form:
/// <list type="bullet">
/// <item>SQLite and PostgreSQL: the due ids are read, then claimed by one conditional UPDATE that re-checks the
/// condition; on PostgreSQL a second worker's UPDATE waits for the first to commit, re-checks and finds the rows taken
/// (SQLite has one writer at a time). The worker then holds exactly the rows that carry this claim's token.</item>
/// <item>SQL Server: one <c>UPDATE</c> of the first due rows (<c>TOP</c> in a CTE, so the order is kept) that skips
/// rows another worker is claiming (<c>READPAST</c>), locks what it reads for update (<c>UPDLOCK</c>, row locks only)
/// and returns the claimed ids (<c>OUTPUT</c>). Without UPDLOCK two workers could read the same row before either
/// writes; without READPAST the second would queue behind the first instead of taking the next rows.</item>
/// </list>
/// Every claim writes a new <see cref="OutboxMessage.ClaimToken"/>, which the worker's result must still find when it is
/// recorded (a concurrency token), so a stalled worker cannot overwrite the result of the worker that re-claimed.
/// </summary>
public static class OutboxClaim
{
    /// <summary>Claims up to <paramref name="batchSize"/> due messages for <paramref name="workerId"/>; returns their ids, oldest first.</summary>
    public static async Task<IReadOnlyList<long>> ClaimAsync(PortalDbContext db, string workerId, Guid claimToken, DateTime now, DateTime lockedUntil, int batchSize, CancellationToken cancellationToken)
    {
        if (DatabaseSetup.ProviderOf(db) == DatabaseProvider.SqlServer)
        {
            // Status is stored as its name (a string conversion in OutboxMessageConfiguration).
            var claimed = await db.Database.SqlQuery<long>($"""
                WITH due AS (
                    SELECT TOP ({batchSize}) [Id], [Status], [LockedBy], [LockedUntilUtc], [ClaimToken]
                    FROM [OutboxMessages] WITH (READPAST, UPDLOCK, ROWLOCK)
                    WHERE ([Status] = 'Pending' AND [NextAttemptAtUtc] <= {now}) OR ([Status] = 'Sending' AND [LockedUntilUtc] < {now})
                    ORDER BY [NextAttemptAtUtc], [Id])
                UPDATE due SET [Status] = 'Sending', [LockedBy] = {workerId}, [LockedUntilUtc] = {lockedUntil}, [ClaimToken] = {claimToken}
                OUTPUT inserted.[Id] AS [Value];
                """).ToListAsync(cancellationToken);
            return claimed;
        }

        var candidates = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];
        var count = await Due(db.OutboxMessages.Where(m => candidates.Contains(m.Id)), now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LockedBy, workerId)
                .SetProperty(m => m.LockedUntilUtc, lockedUntil)
                .SetProperty(m => m.ClaimToken, claimToken), cancellationToken);
        if (count == 0) return [];
        return await db.OutboxMessages
            .Where(m => m.ClaimToken == claimToken && candidates.Contains(m.Id))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                            || (m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now));
}

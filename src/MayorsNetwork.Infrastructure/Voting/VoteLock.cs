using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Infrastructure.Voting;

/// <summary>
/// Serialises a vote's ballots with its close: casts share the vote's lock (they do not wait for each other), a close
/// takes it exclusively (it waits for the casts in progress). The lock lasts until the caller's transaction ends, and
/// the vote's open flag is read after it is granted, so no ballot lands after the close and the close counts every
/// ballot recorded. Each provider's form, side by side:
/// <list type="bullet">
/// <item>PostgreSQL: a transaction-scoped advisory lock. Unlike row locks (where FOR SHARE lockers keep joining a shared
/// lock and can starve a waiting FOR UPDATE), the lock manager queues a new shared request behind a waiting exclusive
/// one: once staff press Close, the casts in progress finish, the close goes next, and casts arriving meanwhile wait
/// and then find the vote closed.</item>
/// <item>SQL Server: <c>sp_getapplock</c> owned by the transaction, Shared or Exclusive, waiting without a timeout of its
/// own (the command timeout bounds it); its lock manager grants requests in order, so it queues casts behind a
/// waiting close in the same way.</item>
/// <item>SQLite: nothing more to take. Its transactions begin as write transactions (BEGIN IMMEDIATE), and there is
/// one writer per database, so the transaction itself is the exclusive lock.</item>
/// </list>
/// The lock is taken in its own statement, so that the read after it sees whatever a close committed meanwhile.
/// </summary>
public static class VoteLock
{
    /// <summary>The first key of the votes' PostgreSQL advisory locks ("vote" in ASCII), so they cannot collide with other advisory locks.</summary>
    private const int AdvisoryLockClass = 0x766F7465;

    /// <summary>Takes the vote's lock (exclusive to close, shared to cast) and reads whether the vote is open.</summary>
    public static async Task<bool> IsOpenLockedAsync(PortalDbContext db, int voteId, bool exclusive, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A vote's lock is taken inside the transaction that casts or closes.");
        var provider = DatabaseSetup.ProviderOf(db);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (exclusive) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {voteId})", cancellationToken);
                else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({AdvisoryLockClass}, {voteId})", cancellationToken);
                break;
            case DatabaseProvider.SqlServer:
                var resource = $"vote:{voteId}";
                var mode = exclusive ? "Exclusive" : "Shared";
                // A negative result means the lock was not granted (a deadlock victim, or cancelled): refuse rather than go on unlocked.
                await db.Database.ExecuteSqlAsync($"""
                    DECLARE @granted int;
                    EXEC @granted = sp_getapplock @Resource = {resource}, @LockMode = {mode}, @LockOwner = 'Transaction', @LockTimeout = -1;
                    IF @granted < 0 THROW 51000, 'The vote''s lock was not granted.', 1;
                    """, cancellationToken);
                break;
            case DatabaseProvider.Sqlite:
                break;
        }

        // Fixed statements (no text is built from input). The row is locked too where the provider can, for the close.
        var query = (provider, exclusive) switch
        {
            (DatabaseProvider.Postgres, true) => db.Database.SqlQuery<bool>($"SELECT \"IsOpen\" AS \"Value\" FROM \"Votes\" WHERE \"Id\" = {voteId} FOR UPDATE"),
            (DatabaseProvider.SqlServer, true) => db.Database.SqlQuery<bool>($"SELECT [IsOpen] AS [Value] FROM [Votes] WITH (UPDLOCK, ROWLOCK) WHERE [Id] = {voteId}"),
            _ => db.Database.SqlQuery<bool>($"SELECT \"IsOpen\" AS \"Value\" FROM \"Votes\" WHERE \"Id\" = {voteId}"),
        };
        var open = await query.ToListAsync(cancellationToken);
        return open is [true];
    }
}

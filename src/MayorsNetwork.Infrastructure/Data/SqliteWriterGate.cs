using System.Collections.Concurrent;

namespace MayorsNetwork.Infrastructure.Data;

/// <summary>
/// One SQLite write transaction at a time in this process, queued asynchronously. SQLite allows one writer per
/// database anyway; a writer that finds the lock taken is retried by Microsoft.Data.Sqlite with blocking 150 ms
/// sleeps, which under a storm of ballots stalls the thread pool, so writers that would contend wait here instead.
/// Several portal instances need a server database. PostgreSQL and SQL Server: no gate (their locks do the work).
/// </summary>
public static class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's gate (SQLite only); disposing the result lets the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return Lease.None;
        // One gate per database (tests run several portals, each on its own file, in one process).
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Lease None = new(null);

        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}

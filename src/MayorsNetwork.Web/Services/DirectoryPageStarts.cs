namespace MayorsNetwork.Web.Services;

/// <summary>
/// The (NameKey, State) of the first member of every page of the whole directory, kept by each instance. Pages are
/// the ranges between two starts, so a page never overlaps another nor leaves anyone out, even when the starts are
/// a little out of date (a page then holds a few more or fewer than 50). Rebuilt (one pass over the name index) by the
/// next request after this instance saves a membership or a government, and in the background once they are older
/// than <see cref="PublicPageCacheOptions.Seconds"/> (10 when the page cache is off), for changes made by other
/// instances; meanwhile requests page with the previous starts rather than wait.
/// </summary>
public sealed class DirectoryPageStarts(TimeProvider clock, IOptions<PublicPageCacheOptions> options, IServiceScopeFactory scopes, ILogger<DirectoryPageStarts> logger) : IDisposable
{
    public sealed record Boundaries(IReadOnlyList<(string NameKey, string State)> Starts, int Total, DateTimeOffset BuiltAt, long Generation);

    private readonly SemaphoreSlim _building = new(1, 1);
    private Boundaries? _current;
    private long _generation;

    /// <summary>Called after a save that touched memberships or governments.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<Boundaries> GetAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Generation == Interlocked.Read(ref _generation))
        {
            if (clock.GetUtcNow() - current.BuiltAt >= RebuildAfter && _building.Wait(0, CancellationToken.None))
                // On a pool thread: SQLite's "async" reads run synchronously, and this request should not wait for them.
                _ = Task.Run(RebuildInBackgroundAsync, CancellationToken.None);
            return current;
        }

        // Never built, or changed here: one request rebuilds; the others page with the previous starts (if any) meanwhile.
        if (current is not null) { if (!await _building.WaitAsync(0, cancellationToken)) return current; }
        else await _building.WaitAsync(cancellationToken);
        try
        {
            current = Volatile.Read(ref _current);
            if (current is not null && current.Generation == Interlocked.Read(ref _generation)) return current;
            return await BuildAsync(db, cancellationToken);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>With the page cache off (0 seconds) the starts are still kept for 10 seconds: rebuilding them for
    /// every request would cost more than the range queries they save.</summary>
    private TimeSpan RebuildAfter => TimeSpan.FromSeconds(options.Value.Seconds > 0 ? options.Value.Seconds : 10);

    public void Dispose() => _building.Dispose();

    private async Task RebuildInBackgroundAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await BuildAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // The previous starts stay in use; the next request past the expiry tries again.
            logger.LogWarning(ex, "Could not rebuild the member directory's pages");
        }
        finally
        {
            try { _building.Release(); }
            catch (ObjectDisposedException) { }
        }
    }

    private async Task<Boundaries> BuildAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var builtAt = clock.GetUtcNow();
        var list = new List<(string, string)>();
        var total = 0;
        await foreach (var k in MemberDirectory.Ordered(MemberDirectory.Members(db))
                           .Select(m => new { m.Government.NameKey, m.Government.State })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (total++ % MemberDirectory.PageSize == 0) list.Add((k.NameKey, k.State));
        }

        var built = new Boundaries(list, total, builtAt, generation);
        Volatile.Write(ref _current, built);
        return built;
    }
}

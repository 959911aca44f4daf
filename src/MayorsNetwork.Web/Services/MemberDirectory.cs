using System.Runtime.CompilerServices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Services;

/// <summary>One member as the public directory lists it.</summary>
public sealed record DirectoryRow(string Name, string State, GovernmentKind Kind, int Population, string MayorTitle, string Mayor, MembershipStatus Status, DateTime? MemberSinceUtc);

/// <summary>
/// The public member directory's queries: member governments by folded name then state, 50 a page. Searched or
/// filtered by state, a page is an OFFSET query on the (NameKey, State) or (State, NameKey) index. The whole list
/// (90,000 governments for every U.S. local government) is paged by the first name of each page, kept by
/// <see cref="DirectoryPageStarts"/>: any page, the last one too, is then a range of that index, about 50 rows read,
/// where OFFSET would read every row before it.
/// </summary>
public sealed class MemberDirectory(PortalDbContext db, DirectoryPageStarts starts)
{
    public const int PageSize = 50;

    /// <summary>
    /// Listed: Active (dues paid) and Grace (this year's invoice overdue, but still a member until it lapses: it keeps
    /// its seats and may sponsor resolutions). Not listed: applications not yet paid for (Applied, Approved, Invoiced)
    /// and Rejected, Lapsed or Withdrawn governments, which are not members.
    /// </summary>
    public static readonly MembershipStatus[] Listed = [MembershipStatus.Active, MembershipStatus.Grace];

    /// <summary>Written as "not one of the others" so that SQLite, which keeps no statistics here, walks the name index
    /// (in page order) instead of the status index (then sorting every member for one page).</summary>
    private static readonly MembershipStatus[] NotListed = Enum.GetValues<MembershipStatus>().Except(Listed).ToArray();

    public static IQueryable<Membership> Members(PortalDbContext db) =>
        db.Memberships.AsNoTracking().Where(m => !NotListed.Contains(m.Status));

    /// <summary>A page of the directory; a page past the last gives the last. Name is a folded key (<see cref="Government.KeyFor"/>).</summary>
    public async Task<PagedList<DirectoryRow>> PageAsync(string? nameKey, string? state, int page, CancellationToken cancellationToken)
    {
        var members = Members(db);
        if (nameKey is null && state is null)
        {
            var boundaries = await starts.GetAsync(db, cancellationToken);
            page = Math.Clamp(page, 1, Math.Max(1, boundaries.Starts.Count));
            if (boundaries.Starts.Count == 0) return new PagedList<DirectoryRow>([], 1, PageSize, 0);
            var (fromKey, fromState) = boundaries.Starts[page - 1];
            members = members.Where(m => string.Compare(m.Government.NameKey, fromKey) >= 0
                                         && (string.Compare(m.Government.NameKey, fromKey) > 0 || string.Compare(m.Government.State, fromState) >= 0));
            if (page < boundaries.Starts.Count)
            {
                var (toKey, toState) = boundaries.Starts[page];
                members = members.Where(m => string.Compare(m.Government.NameKey, toKey) <= 0
                                             && (string.Compare(m.Government.NameKey, toKey) < 0 || string.Compare(m.Government.State, toState) < 0));
            }

            return new PagedList<DirectoryRow>(await RowsAsync(Ordered(members), cancellationToken), page, PageSize, boundaries.Total);
        }

        if (nameKey is not null) members = members.Where(m => m.Government.NameKey.Contains(nameKey));
        if (state is not null) members = members.Where(m => m.Government.State == state);
        var total = await members.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await RowsAsync(Ordered(members).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PagedList<DirectoryRow>(rows, page, PageSize, total);
    }

    /// <summary>By the folded name, so that "Española" sits among the E's on SQLite and PostgreSQL alike, then state.</summary>
    public static IQueryable<Membership> Ordered(IQueryable<Membership> members) =>
        members.OrderBy(m => m.Government.NameKey).ThenBy(m => m.Government.State);

    private static Task<List<DirectoryRow>> RowsAsync(IQueryable<Membership> members, CancellationToken cancellationToken) =>
        members.Select(m => new DirectoryRow(m.Government.Name, m.Government.State, m.Government.Kind, m.Government.Population,
                m.Government.MayorTitle, m.Government.Mayor.Name, m.Status, m.MemberSinceUtc))
            .ToListAsync(cancellationToken);
}

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

/// <summary>
/// Tells <see cref="DirectoryPageStarts"/> and the cached directory pages when this instance has saved a membership or
/// a government: noted before the save (when the changes can still be seen), passed on after it (so that a rebuild
/// sees the new rows).
/// </summary>
public sealed class DirectoryChangeInterceptor(DirectoryPageStarts starts, IOutputCacheStore cache) : SaveChangesInterceptor
{
    private static readonly object Mark = new();
    private readonly ConditionalWeakTable<DbContext, object> _touched = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // The in-memory store evicts synchronously.
        PassAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await PassAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => PassAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        PassAsync(eventData.Context).AsTask();

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Membership or Government))
            _touched.AddOrUpdate(context, Mark);
    }

    private ValueTask PassAsync(DbContext? context)
    {
        if (context is null || !_touched.Remove(context)) return ValueTask.CompletedTask;
        starts.Invalidate();
        return cache.EvictAsync(CacheTags.Members);
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Evicts the cached public pages that show what a save changed, so that no handler has to remember to. Before a
/// save, the tags of every entity it adds, changes or deletes are noted (an owned part, such as a dues bracket or a
/// mayor's contact, counts as its owner); once the change is committed they are evicted: after the save itself, or,
/// for a save inside a transaction, when that transaction commits (evicting earlier would let a request cache the
/// old page again before the commit). A rolled-back transaction evicts nothing. Saving a membership or a government
/// also has <see cref="DirectoryPageStarts"/> rebuilt.
/// </summary>
public sealed class PublicPageEviction(IOutputCacheStore cache, DirectoryPageStarts directoryStarts) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Which cached pages show which entities: the one place to add a row when a public page shows more.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TagOf = new Dictionary<Type, string>
    {
        [typeof(DuesSchedule)] = CacheTags.Dues,
        [typeof(Body)] = CacheTags.Committees,
        [typeof(Seat)] = CacheTags.Committees,
        [typeof(Meeting)] = CacheTags.Meetings,
        [typeof(Membership)] = CacheTags.Members,
        [typeof(Government)] = CacheTags.Members,
        // A closed vote's results show its counts and its resolution's title and status. Ballots are not listed: they
        // are cast only while a vote is open, and an open vote's page is never kept.
        [typeof(Vote)] = CacheTags.Votes,
        [typeof(Resolution)] = CacheTags.Votes,
    };

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wait(EvictUnlessInTransactionAsync(eventData.Context));
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictUnlessInTransactionAsync(eventData.Context);
        return result;
    }

    // A failed save outside a transaction evicts anyway, as a precaution; inside one, its commit or rollback decides.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Wait(EvictUnlessInTransactionAsync(eventData.Context));

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EvictUnlessInTransactionAsync(eventData.Context).AsTask();

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wait(EvictAsync(eventData.Context));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictAsync(eventData.Context).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        HashSet<string>? tags = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && TagOf.TryGetValue(OwnerOf(entry.Metadata), out var tag))
                (tags ??= _pending.GetOrCreateValue(context)).Add(tag);
        }
    }

    private static Type OwnerOf(IEntityType type)
    {
        while (type.FindOwnership() is { } ownership) type = ownership.PrincipalEntityType;
        return type.ClrType;
    }

    private ValueTask EvictUnlessInTransactionAsync(DbContext? context) =>
        context?.Database.CurrentTransaction is null ? EvictAsync(context) : ValueTask.CompletedTask;

    private async ValueTask EvictAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags)) return;
        _pending.Remove(context);
        if (tags.Contains(CacheTags.Members)) directoryStarts.Invalidate();
        // Not the request's token: a change that is saved is evicted even if the visitor has gone.
        foreach (var tag in tags) await cache.EvictByTagAsync(tag, CancellationToken.None);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }

    /// <summary>
    /// For the synchronous SaveChanges and Commit, which the portal does not use: the in-memory store evicts
    /// synchronously, so this waits only for a store that does I/O, as a synchronous caller has chosen to.
    /// </summary>
    private static void Wait(ValueTask eviction)
    {
        if (!eviction.IsCompletedSuccessfully) eviction.AsTask().GetAwaiter().GetResult();
    }
}

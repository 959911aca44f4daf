using System.Runtime.CompilerServices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MayorsNetwork.Web.Services;

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

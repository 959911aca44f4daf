using System.Linq.Expressions;

namespace MayorsNetwork.Infrastructure.Data;

/// <summary>
/// The optimistic-concurrency edit, in one place: an entity carries a <c>Version</c> that the edit form posts
/// back; the save writes only if the row still has that version, and otherwise changes nothing so that the page
/// can show what is there now and ask again.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>
    /// Makes the next save of <paramref name="entity"/> conditional on its row still having <paramref name="posted"/>
    /// as its version, and gives it a new version.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, Expression<Func<T, Guid>> version, Guid posted) where T : class
    {
        var property = db.Entry(entity).Property(version);
        property.CurrentValue = Guid.NewGuid();
        property.OriginalValue = posted;
    }

    /// <summary>
    /// Saves; false (with nothing written and the change tracker cleared, ready to read the row as it is now) when
    /// another edit saved first.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

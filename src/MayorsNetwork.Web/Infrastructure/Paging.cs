namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// A list read a page at a time: the page number from the query string is made to fit the pages that exist
/// (1 for an empty list), so a stale or typed "p" shows the nearest page rather than an empty one.
/// </summary>
public static class Paging
{
    /// <summary>How many pages <paramref name="total"/> rows fill; an empty list still has its one (empty) page.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));

    /// <summary>The page that exists nearest to <paramref name="page"/> in a list of <paramref name="total"/> items.</summary>
    public static int Fit(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    /// <summary>The rows of one page (numbered from 1) of an ordered query.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> ordered, int page, int pageSize) => ordered.Skip((page - 1) * pageSize).Take(pageSize);

    /// <summary>Counts <paramref name="ordered"/>, then reads the page nearest to <paramref name="page"/>.</summary>
    public static async Task<PagedList<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        page = Fit(page, total, pageSize);
        var items = await ordered.Page(page, pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}

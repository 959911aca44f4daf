namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Paging a list: which page to show, and that page's rows of an ordered query.</summary>
public static class Paging
{
    /// <summary>How many pages <paramref name="total"/> rows fill; an empty list still has its one (empty) page.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));

    /// <summary>The page asked for, kept within the pages there are: a number past the end shows the last page.</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    /// <summary>The rows of one page (numbered from 1) of an ordered query.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> ordered, int page, int pageSize) => ordered.Skip((page - 1) * pageSize).Take(pageSize);
}

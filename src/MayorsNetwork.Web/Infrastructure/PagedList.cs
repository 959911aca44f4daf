namespace MayorsNetwork.Web.Infrastructure;

/// <summary>One page of a list, with what the pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Paging.PageCount(TotalCount, PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

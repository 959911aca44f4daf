using MayorsNetwork.Web.Pages.Resolutions;

namespace MayorsNetwork.Web.Pages.Staff.Resolutions;

/// <summary>All resolutions a page at a time, filtered by meeting and status, for referring them and running their votes.</summary>
public sealed class IndexModel(PortalDbContext db) : ResolutionListPageModel(db, PageSize)
{
    public const int PageSize = 25;
}

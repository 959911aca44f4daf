namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>Resolutions by meeting, open to everyone: title, sponsor and where each stands, filtered by meeting and status.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db) : ResolutionListPageModel(db, PageSize)
{
    public const int PageSize = 50;
}

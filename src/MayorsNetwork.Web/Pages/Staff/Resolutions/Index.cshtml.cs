using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Pages.Resolutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MayorsNetwork.Web.Pages.Staff.Resolutions;

/// <summary>All resolutions a page at a time, filtered by meeting and status, for referring them and running their votes.</summary>
public sealed class IndexModel(PortalDbContext db) : PortalPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public int? Meeting { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResolutionStatus? StatusFilter { get; private set; }

    public PagedList<ResolutionRow> Results { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        StatusFilter = ResolutionList.ReadStatus(Status);
        Results = await ResolutionList.PageAsync(db, Meeting, StatusFilter, PageNumber, PageSize, cancellationToken);
        Meetings = await ResolutionList.MeetingsAsync(db, cancellationToken);
    }

    public Dictionary<string, string> Filters(int page) => ResolutionList.Filters(Meeting, StatusFilter, page);
}

using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>Resolutions by meeting, open to everyone: title, sponsor and where each stands, filtered by meeting and status.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db) : PortalPageModel
{
    public const int PageSize = 50;

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

using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>
/// The public and the staff list of resolutions: the same filters (meeting, status, page) from the query string,
/// the same rows; each page says its page size and who may see it.
/// </summary>
public abstract class ResolutionListPageModel(PortalDbContext db, int pageSize) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Meeting { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResolutionStatus? StatusFilter { get; private set; }

    public PagedList<ResolutionRow> Results { get; private set; } = new([], 1, pageSize, 0);

    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        StatusFilter = ResolutionList.ReadStatus(Status);
        Results = await ResolutionList.PageAsync(db, Meeting, StatusFilter, PageNumber, pageSize, cancellationToken);
        Meetings = await ResolutionList.MeetingsAsync(db, cancellationToken);
    }

    public Dictionary<string, string> Filters(int page) => ResolutionList.Filters(Meeting, StatusFilter, page);
}

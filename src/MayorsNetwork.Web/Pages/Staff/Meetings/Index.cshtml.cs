using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>All meetings, latest first, with how many cities are credentialed for each.</summary>
public sealed class IndexModel(PortalDbContext db) : PortalPageModel
{
    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Meetings = await db.Meetings.AsNoTracking()
            .OrderByDescending(m => m.StartsOn).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Title, m.Kind, m.StartsOn, m.EndsOn, m.PlaceCity + ", " + m.PlaceState, m.ResolutionDeadlineUtc, m.Credentials.Count))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Title, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn, string Place, DateTime DeadlineUtc, int Credentialed);
}

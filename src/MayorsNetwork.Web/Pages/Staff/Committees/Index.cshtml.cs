using MayorsNetwork.Web.Pages.Committees;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>All bodies with their filled seats, and the seats whose terms end within the next 60 days.</summary>
public sealed class IndexModel(PortalDbContext db, Rosters rosters) : PortalPageModel
{
    public const int EndingWithinDays = 60;

    public IReadOnlyList<BodyListing> Bodies { get; private set; } = [];

    public IReadOnlyList<SeatRow> Ending { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = rosters.Today;
        var today = Today;
        var bodies = await BodyListing.AllAsync(db, today, cancellationToken);
        Bodies = bodies.OrderBy(b => !b.IsActive).ThenBy(b => BodyKindText.ListingOrder.ToList().IndexOf(b.Kind)).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var horizon = today.AddDays(EndingWithinDays);
        var ending = await Rosters.Rows(rosters.OpenSeats.Where(s => s.EndsOn != null && s.EndsOn >= today && s.EndsOn <= horizon)).ToListAsync(cancellationToken);
        Ending = ending.OrderBy(s => s.EndsOn).ThenBy(s => s.BodyName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Role.RosterOrder()).ToList();
    }
}

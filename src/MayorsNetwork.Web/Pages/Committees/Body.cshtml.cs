using MayorsNetwork.Web.Pages.Join;
using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Committees;

/// <summary>One body: its description, its current roster (chair first), filtered by state and role, and its other seats.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.CommitteesPolicy)]
public sealed class BodyModel(PortalDbContext db, Rosters rosters) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public Body Body { get; private set; } = null!;

    public IReadOnlyList<SeatRow> Roster { get; private set; } = [];

    public IReadOnlyList<SeatRow> Upcoming { get; private set; } = [];

    public IReadOnlyList<SeatRow> Past { get; private set; } = [];

    /// <summary>The states of the mayors on the current roster, for the filter.</summary>
    public IReadOnlyList<string> States { get; private set; } = [];

    public int CurrentCount { get; private set; }

    public DateOnly Today { get; private set; }

    public bool IsFiltered => State is not null || Role is not null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null) return NotFound();
        Body = body;
        Today = rosters.Today;
        var filter = RosterFilter.Read(State, Role);
        State = filter.State;
        Role = filter.Role?.ToString();

        var all = await rosters.CurrentRosterAsync(body.Id, null, null, cancellationToken);
        CurrentCount = all.Count;
        States = all.Select(s => s.State).Distinct().Order(StringComparer.Ordinal).ToList();
        Roster = all.Where(s => (filter.State is null || s.State == filter.State) && (filter.Role is null || s.Role == filter.Role)).ToList();
        var others = await rosters.OtherSeatsAsync(body.Id, cancellationToken);
        Upcoming = others.Where(s => s.IsUpcoming(Today)).OrderBy(s => s.StartsOn).ToList();
        Past = others.Where(s => s.IsPast(Today)).ToList();
        return Page();
    }

    public static string StateName(string code) => UsStates.All.FirstOrDefault(s => s.Code == code).Name ?? code;
}

using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Committees;

/// <summary>Every body, grouped by kind, with how many seats are filled today; and a search for a mayor's seats across them all.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.CommitteesPolicy)]
public sealed class IndexModel(PortalDbContext db, Rosters rosters) : PortalPageModel
{
    public const int MaxResults = 100;

    /// <summary>A mayor's or a city's name, or part of it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mayor { get; set; }

    public IReadOnlyList<KindGroup> Groups { get; private set; } = [];

    public IReadOnlyList<BodyListing> Inactive { get; private set; } = [];

    /// <summary>Null when nothing was searched for.</summary>
    public IReadOnlyList<SeatRow>? Found { get; private set; }

    public string? SearchProblem { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = rosters.Today;
        var bodies = await BodyListing.AllAsync(db, Today, cancellationToken);
        Groups = BodyKindText.ListingOrder
            .Select(k => new KindGroup(k, bodies.Where(b => b.Kind == k && b.IsActive).OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList()))
            .Where(g => g.Bodies.Count > 0)
            .ToList();
        Inactive = bodies.Where(b => !b.IsActive).OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var query = Mayor?.Trim();
        if (string.IsNullOrEmpty(query)) return;
        if (query.Length < 2 || query.Length > FieldLimits.Name)
        {
            SearchProblem = $"Enter between 2 and {FieldLimits.Name} characters of a mayor's or a city's name.";
            return;
        }

        // Folded like the stored keys: case and accents do not matter, on SQLite and PostgreSQL alike.
        var key = Government.KeyFor(query);
        var seats = db.Seats.AsNoTracking().Where(s => s.MayorNameKey.Contains(key) || s.Membership.Government.NameKey.Contains(key));
        // Open seats before ended ones, so that a common name still shows who sits where today.
        var rows = await Rosters.Rows(seats.OrderBy(s => s.EndedAtUtc != null).ThenByDescending(s => s.StartsOn).ThenBy(s => s.Id))
            .Take(MaxResults * 2).ToListAsync(cancellationToken);
        // Seats held now first, then upcoming, then past; each by mayor, body and role.
        Found = rows
            .OrderBy(r => r.IsCurrent(Today) ? 0 : r.IsUpcoming(Today) ? 1 : 2)
            .ThenBy(r => r.Mayor, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.BodyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Role.RosterOrder())
            .Take(MaxResults)
            .ToList();
    }

    public sealed record KindGroup(BodyKind Kind, IReadOnlyList<BodyListing> Bodies);
}

namespace MayorsNetwork.Web.Services;

/// <summary>The queries behind the roster pages and their CSV exports, so that a page and its file always agree.</summary>
public sealed class Rosters(PortalDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IQueryable<Seat> OpenSeats => db.Seats.AsNoTracking().Where(s => s.EndedAtUtc == null);

    /// <summary>Seats whose term covers today and that staff have not ended.</summary>
    public IQueryable<Seat> CurrentSeats()
    {
        var today = Today;
        return OpenSeats.Where(s => s.StartsOn <= today && (s.EndsOn == null || s.EndsOn >= today));
    }

    public static IQueryable<SeatRow> Rows(IQueryable<Seat> seats) => seats.Select(s => new SeatRow(
        s.Id, s.BodyId, s.Body.Name, s.Body.Slug, s.Body.Kind, s.Role, s.MayorName, s.Membership.Government.Name, s.Membership.Government.State,
        s.MembershipId, s.StartsOn, s.EndsOn, s.EndedAtUtc, s.AppointedBy, s.AppointedAtUtc, s.EndedBy, s.Version));

    /// <summary>The current roster of a body, chair first, optionally for one state and one role.</summary>
    public async Task<IReadOnlyList<SeatRow>> CurrentRosterAsync(int bodyId, string? state, SeatRole? role, CancellationToken cancellationToken)
    {
        var seats = CurrentSeats().Where(s => s.BodyId == bodyId);
        if (!string.IsNullOrEmpty(state)) seats = seats.Where(s => s.Membership.Government.State == state);
        if (role is { } r) seats = seats.Where(s => s.Role == r);
        var rows = await Rows(seats).ToListAsync(cancellationToken);
        return rows.InRosterOrder(s => s.Role, s => s.Mayor, s => s.City).ToList();
    }

    /// <summary>A body's seats that are not current: ended, run out, or not started yet; latest first.</summary>
    public async Task<IReadOnlyList<SeatRow>> OtherSeatsAsync(int bodyId, CancellationToken cancellationToken)
    {
        var today = Today;
        var seats = db.Seats.AsNoTracking().Where(s => s.BodyId == bodyId &&
            (s.EndedAtUtc != null || s.StartsOn > today || (s.EndsOn != null && s.EndsOn < today)));
        var rows = await Rows(seats).ToListAsync(cancellationToken);
        return rows.OrderByDescending(s => s.EndsOn ?? DateOnly.MaxValue).ThenByDescending(s => s.StartsOn).ThenBy(s => s.Mayor, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The file name of an export made today: "climate-change-task-force-roster-2026-11-22.csv".</summary>
    public string FileName(string what) => $"{what}-{Today:yyyy-MM-dd}.csv";
}

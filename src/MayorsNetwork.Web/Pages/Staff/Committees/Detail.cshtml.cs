namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>One body for staff: its open seats (change a role, end a seat), its past seats and the record of every change.</summary>
public sealed class DetailModel(PortalDbContext db, Rosters rosters, CommitteeSeats seats, UserManager<PortalUser> users) : PortalPageModel
{
    public const int HistoryRows = 100;

    public Body Body { get; private set; } = null!;

    /// <summary>Seats not ended: current ones and those starting later, chair first.</summary>
    public IReadOnlyList<SeatRow> Open { get; private set; } = [];

    public IReadOnlyList<SeatRow> Past { get; private set; } = [];

    public IReadOnlyList<ChangeRow> History { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The seat whose form failed, to show its error beside it.</summary>
    public int? FailedSeatId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostChangeRoleAsync(string slug, int seatId, Guid seatVersion, string? role, CancellationToken cancellationToken)
    {
        if (SeatRoles.Parse(role) is not { } newRole) return await FailAsync(slug, seatId, "Choose the new role.", cancellationToken);
        var result = await seats.ChangeRoleAsync(seatId, seatVersion, newRole, await StaffNameAsync(), cancellationToken);
        return await AfterAsync(slug, seatId, result, "The role is changed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(string slug, int seatId, Guid seatVersion, string? lastDay, CancellationToken cancellationToken)
    {
        if (SeatDates.Parse(lastDay) is not { } day) return await FailAsync(slug, seatId, "Enter the seat's last day, like 2026-06-30.", cancellationToken);
        var result = await seats.EndAsync(seatId, seatVersion, day, await StaffNameAsync(), cancellationToken);
        return await AfterAsync(slug, seatId, result, "The seat is ended; it stays in the body's history.", cancellationToken);
    }

    private async Task<string> StaffNameAsync() => (await users.GetUserAsync(User))?.FullName ?? "Staff";

    private async Task<IActionResult> AfterAsync(string slug, int seatId, Outcome result, string status, CancellationToken cancellationToken)
    {
        if (!result.Succeeded) return await FailAsync(slug, seatId, result.Errors[0].Value, cancellationToken);
        StatusMessage = status;
        return RedirectToPage(new { slug });
    }

    private async Task<IActionResult> FailAsync(string slug, int seatId, string message, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError("", message);
        FailedSeatId = seatId;
        return await LoadAsync(slug, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null) return false;
        Body = body;
        Today = rosters.Today;
        var open = await Rosters.Rows(rosters.OpenSeats.Where(s => s.BodyId == body.Id)).ToListAsync(cancellationToken);
        Open = open.InRosterOrder(s => s.Role, s => s.Mayor, s => s.City).ToList();
        Past = await Rosters.Rows(db.Seats.AsNoTracking().Where(s => s.BodyId == body.Id && s.EndedAtUtc != null))
            .ToListAsync(cancellationToken);
        Past = Past.OrderByDescending(s => s.EndedAtUtc).ToList();
        var seatsById = Open.Concat(Past).ToDictionary(x => x.Id);
        var ids = seatsById.Keys.ToList();
        var changes = await db.SeatChanges.AsNoTracking().Where(c => ids.Contains(c.SeatId))
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Take(HistoryRows)
            .ToListAsync(cancellationToken);
        History = changes.Select(c => new ChangeRow(c.Id, c.AtUtc, c.Kind, seatsById[c.SeatId].Mayor, seatsById[c.SeatId].City, c.By, c.Detail)).ToList();
        return true;
    }

    public sealed record ChangeRow(int Id, DateTime AtUtc, SeatChangeKind Kind, string Mayor, string City, string By, string Detail);
}

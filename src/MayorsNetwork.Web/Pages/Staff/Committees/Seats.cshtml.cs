using MayorsNetwork.Web.Exports;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>Every seat of every body, current and past, with who appointed and ended it, as CSV. Staff only: it names who did what.</summary>
public sealed class SeatsModel(PortalDbContext db, Rosters rosters) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await Rosters.Rows(db.Seats.AsNoTracking()).ToListAsync(cancellationToken);
        var ordered = rows
            .OrderBy(s => s.BodyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.IsPast(rosters.Today))
            .ThenBy(s => s.Role.RosterOrder())
            .ThenBy(s => s.Mayor, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.StartsOn);
        return File(SeatCsv.Seats(ordered, rosters.Today), CsvFile.ContentType, rosters.FileName("committee-seats"));
    }
}

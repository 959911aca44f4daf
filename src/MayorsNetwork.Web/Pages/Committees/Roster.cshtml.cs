using MayorsNetwork.Web.Exports;

namespace MayorsNetwork.Web.Pages.Committees;

/// <summary>A body's current roster as CSV, with the same filters and order as its page. Public, as the page is.</summary>
[AllowAnonymous]
public sealed class RosterModel(PortalDbContext db, Rosters rosters) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string? state, string? role, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Slug == slug).Select(b => new { b.Id, b.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (body is null) return NotFound();
        var filter = RosterFilter.Read(state, role);
        var rows = await rosters.CurrentRosterAsync(body.Id, filter.State, filter.Role, cancellationToken);
        return File(SeatCsv.Roster(rows), CsvFile.ContentType, rosters.FileName($"{body.Slug}-roster"));
    }
}

using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Web.Pages.Resolutions;

/// <summary>
/// The resolutions of the public list and the staff list: filtered by meeting and status, a page at a
/// time, latest meeting first and, within a meeting, in the order they were submitted.
/// </summary>
public static class ResolutionList
{
    /// <summary>A status from the query string ("Referred", any case); anything else means all statuses.</summary>
    public static ResolutionStatus? ReadStatus(string? value) =>
        Enum.TryParse<ResolutionStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _) ? status : null;

    public static async Task<PagedList<ResolutionRow>> PageAsync(PortalDbContext db, int? meetingId, ResolutionStatus? status, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = from r in db.Resolutions.AsNoTracking()
                    join m in db.Meetings on r.MeetingId equals m.Id
                    select new { r, m };
        if (meetingId is { } id) query = query.Where(x => x.r.MeetingId == id);
        if (status is { } s) query = query.Where(x => x.r.Status == s);
        return await query
            .OrderByDescending(x => x.m.StartsOn).ThenBy(x => x.m.Id).ThenBy(x => x.r.SubmittedAtUtc).ThenBy(x => x.r.Id)
            .Select(x => new ResolutionRow(x.r.Id, x.r.Title, x.r.SponsorName, x.r.SponsorCity, x.m.Id, x.m.Title, x.r.Status,
                db.Bodies.Where(b => b.Id == x.r.CommitteeId).Select(b => b.Name).FirstOrDefault(), x.r.SubmittedAtUtc))
            .PageAsync(page, pageSize, cancellationToken);
    }

    public static Task<List<MeetingChoice>> MeetingsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenBy(m => m.Id)
            .Select(m => new MeetingChoice(m.Id, m.Title)).ToListAsync(cancellationToken);

    /// <summary>The filters as route values, for the pager's links.</summary>
    public static Dictionary<string, string> Filters(int? meetingId, ResolutionStatus? status, int page)
    {
        var values = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (meetingId is { } m) values["meeting"] = m.ToString(CultureInfo.InvariantCulture);
        if (status is { } s) values["status"] = s.ToString();
        return values;
    }
}

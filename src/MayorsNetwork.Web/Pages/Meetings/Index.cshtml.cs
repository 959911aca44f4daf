using MayorsNetwork.Domain.Meetings;
using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Meetings;

/// <summary>Upcoming meetings (soonest first) and past ones (latest first), open to everyone.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.MeetingsPolicy)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PortalPageModel
{
    public const int PastShown = 20;

    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    public IReadOnlyList<Meeting> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Upcoming = await db.Meetings.AsNoTracking().Where(m => m.EndsOn >= today).OrderBy(m => m.StartsOn).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        Past = await db.Meetings.AsNoTracking().Where(m => m.EndsOn < today).OrderByDescending(m => m.StartsOn).ThenBy(m => m.Id).Take(PastShown).ToListAsync(cancellationToken);
    }
}

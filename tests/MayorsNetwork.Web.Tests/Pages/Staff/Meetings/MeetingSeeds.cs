using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Meetings;

/// <summary>Meetings written straight into the database, each with a title of its own.</summary>
public static class MeetingSeeds
{
    public static Task<Meeting> MeetingAsync(PortalFixture portal, MeetingKind kind = MeetingKind.Annual) => portal.WithDbAsync(async db =>
    {
        var start = portal.Clock.Today.AddDays(60);
        var meeting = new Meeting
        {
            Kind = kind, Title = $"{kind} Meeting {Token()}", PlaceCity = "Denver", PlaceState = "CO",
            StartsOn = start, EndsOn = start.AddDays(3),
            ResolutionDeadlineUtc = start.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), CreatedBy = "Seeder",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    });
}

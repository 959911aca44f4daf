using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Meetings;

/// <summary>Anyone sees the upcoming meetings (soonest first) and the past ones, with kind, dates, place and deadline.</summary>
public abstract class MeetingListTests(PortalFixture portal)
{
    [Fact]
    public async Task The_seeded_winter_meeting_in_Washington_and_the_annual_meeting_are_listed_as_upcoming_with_deadlines_30_days_before()
    {
        var seeded = await portal.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.CreatedBy == "Initial set-up").OrderBy(m => m.Id).ToListAsync());

        var page = await portal.Client().GetAsync("/meetings");

        Assert.Equal([MeetingKind.Winter, MeetingKind.Annual], seeded.Select(m => m.Kind));
        var winter = seeded[0];
        Assert.Equal(1, winter.StartsOn.Month);
        Assert.Equal("Washington, DC", winter.Place);
        Assert.Equal(6, seeded[1].StartsOn.Month);
        Assert.All(seeded, m => Assert.Equal(m.StartsOn.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), m.ResolutionDeadlineUtc));
        var upcoming = page.Document.QuerySelectorAll("[data-testid=meeting]").ToList();
        var card = Assert.Single(upcoming, c => c.QuerySelector("[data-testid=title]")?.TextContent == winter.Title);
        Assert.Equal("Winter Meeting", card.QuerySelector("[data-testid=kind]")?.TextContent);
        Assert.Equal("Washington, DC", card.QuerySelector("[data-testid=place]")?.TextContent);
        Assert.Equal($"Resolutions due by {winter.ResolutionDeadlineUtc:MMMM d, yyyy} 00:00 UTC", card.QuerySelector("[data-testid=deadline]")?.TextContent);
        Assert.Contains(upcoming, c => c.QuerySelector("[data-testid=title]")?.TextContent == seeded[1].Title);
        Assert.Contains("Meetings", page.Document.QuerySelectorAll("nav[aria-label='Primary navigation'] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task A_meeting_that_ended_yesterday_is_listed_under_past_meetings_not_upcoming()
    {
        var title = $"Special Meeting {Token()}";
        var today = portal.Clock.Today;
        await portal.WithDbAsync(async db =>
        {
            db.Meetings.Add(new Meeting
            {
                Kind = MeetingKind.Special, Title = title, PlaceCity = "Tulsa", PlaceState = "OK",
                StartsOn = today.AddDays(-3), EndsOn = today.AddDays(-1),
                ResolutionDeadlineUtc = today.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), CreatedBy = "Test",
            });
            return await db.SaveChangesAsync();
        });

        var page = await portal.Client().GetAsync("/meetings");

        var past = page.One("#past-heading")?.NextElementSibling;
        Assert.NotNull(past);
        Assert.Contains(title, past.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tulsa, OK", past.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(title, page.One("#upcoming-heading")?.NextElementSibling?.TextContent ?? "", StringComparison.Ordinal);
    }
}

public sealed class MeetingListTests_Sqlite(SqlitePortal p) : MeetingListTests(p), IClassFixture<SqlitePortal>;

public sealed class MeetingListTests_Postgres(PostgresPortal p) : MeetingListTests(p), IClassFixture<PostgresPortal>;

public sealed class MeetingListTests_SqlServer(SqlServerPortal p) : MeetingListTests(p), IClassFixture<SqlServerPortal>;

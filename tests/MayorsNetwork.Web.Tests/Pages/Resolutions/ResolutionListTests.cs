using System.Net;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Resolutions;

/// <summary>The public list of resolutions, by meeting and status, and a resolution's public page.</summary>
public abstract class ResolutionListTests(PortalFixture portal)
{
    private static List<string[]> Rows(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=resolution]")
            .Select(tr => new[] { "title", "sponsor", "meeting", "status" }.Select(t => tr.QuerySelector($"[data-testid={t}]")?.TextContent.Trim() ?? "").ToArray())
            .ToList();

    [Fact]
    public async Task Anyone_sees_a_meetings_resolutions_with_sponsor_and_status_and_can_narrow_them_by_status()
    {
        var sponsor = await CityAsync(portal, mayor: "Lee Lister");
        var meeting = await MeetingAsync(portal);
        var otherMeeting = await MeetingAsync(portal);
        var first = await ResolutionAsync(portal, meeting, sponsor, "On Parks");
        var second = await ResolutionAsync(portal, meeting, sponsor, "On Libraries");
        await ResolutionAsync(portal, otherMeeting, sponsor, "On Another Meeting");
        await ReferAsync(portal, second.Id, await BodyAsync(portal, kind: MayorsNetwork.Domain.Committees.BodyKind.StandingCommittee));

        var all = await portal.Client().GetAsync($"/resolutions?meeting={meeting.Id}");
        var referred = await portal.Client().GetAsync($"/resolutions?meeting={meeting.Id}&status=Referred");

        Assert.Equal(
            [["On Parks", $"Mayor Lee Lister, {sponsor.Name}, CO", meeting.Title, "Submitted"], ["On Libraries", $"Mayor Lee Lister, {sponsor.Name}, CO", meeting.Title, "Referred"]],
            Rows(all));
        Assert.Equal($"/resolutions/{first.Id}", all.One("[data-testid=resolution] a")?.GetAttribute("href"));
        Assert.Equal([["On Libraries", $"Mayor Lee Lister, {sponsor.Name}, CO", meeting.Title, "Referred"]], Rows(referred));
        Assert.Equal("1 resolution", referred.One("[data-testid=result-count]")?.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_resolution_is_page_not_found()
    {
        var page = await portal.Client().GetAsync("/resolutions/2147483647");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_resolutions_page_shows_its_meeting_committee_rule_quorum_and_history()
    {
        var sponsor = await CityAsync(portal);
        var meeting = await MeetingAsync(portal);
        var resolution = await ResolutionAsync(portal, meeting, sponsor, "On Bridges");
        var committee = await BodyAsync(portal, $"Bridges Committee {Token()}", MayorsNetwork.Domain.Committees.BodyKind.StandingCommittee);
        await ReferAsync(portal, resolution.Id, committee);

        var page = await portal.Client().GetAsync($"/resolutions/{resolution.Id}");

        Assert.Equal("On Bridges", page.One("h1")?.TextContent.Trim());
        Assert.StartsWith(meeting.Title, page.One("[data-testid=meeting]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(committee.Name, page.One("[data-testid=committee]")?.TextContent);
        Assert.Equal("Simple majority (more Yes than No)", page.One("[data-testid=pass-rule]")?.TextContent);
        Assert.StartsWith("50%", page.One("[data-testid=quorum]")?.TextContent, StringComparison.Ordinal);
        var history = page.Document.QuerySelectorAll("[data-testid=history] tbody tr").Select(tr => tr.Children[1].TextContent + " by " + tr.Children[2].TextContent).ToList();
        Assert.Equal([$"Submitted by Mayor {sponsor.Mayor}", "Referred by Seeder"], history);
        Assert.NotNull(page.One("[data-testid=no-votes]"));
    }
}

public sealed class ResolutionListTests_Sqlite(SqlitePortal portal) : ResolutionListTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResolutionListTests_Postgres(PostgresPortal portal) : ResolutionListTests(portal), IClassFixture<PostgresPortal>;

public sealed class ResolutionListTests_SqlServer(SqlServerPortal portal) : ResolutionListTests(portal), IClassFixture<SqlServerPortal>;

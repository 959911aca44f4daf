using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Resolutions;

/// <summary>The staff list of resolutions: filtered by meeting and status, 25 a page.</summary>
public abstract class ResolutionIndexTests(PortalFixture portal)
{
    private static List<string> Titles(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=resolution] [data-testid=title]").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Staff_page_through_a_meetings_resolutions_and_filter_them_by_status()
    {
        var staff = await portal.SignedInStaffAsync();
        var sponsor = await CityAsync(portal);
        var meeting = await MeetingAsync(portal);
        await ResolutionAsync(portal, await MeetingAsync(portal), sponsor, "Elsewhere");
        for (var i = 1; i <= 26; i++) await ResolutionAsync(portal, meeting, sponsor, $"Item {i:00}");
        var committee = await BodyAsync(portal, $"Paging Committee {Token()}", MayorsNetwork.Domain.Committees.BodyKind.StandingCommittee);
        var items = await ResolutionsOfAsync(portal, sponsor);
        await ReferAsync(portal, items.Single(r => r.Title == "Item 26").Id, committee);

        var first = await staff.GetAsync($"/staff/resolutions?meeting={meeting.Id}");
        var second = await staff.GetAsync(first.One("[data-testid=next-page]")!.GetAttribute("href")!);
        var referred = await staff.GetAsync($"/staff/resolutions?meeting={meeting.Id}&status=referred");

        Assert.Equal("26 found", first.One("[data-testid=result-count]")?.TextContent);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Item {i:00}"), Titles(first));
        Assert.Equal(["Item 26"], Titles(second));
        Assert.Null(second.One("[data-testid=next-page]"));
        Assert.Equal(["Item 26"], Titles(referred));
        Assert.Equal(committee.Name, referred.One("[data-testid=committee]")?.TextContent);
        Assert.Equal("Referred", referred.One("[data-testid=status]")?.TextContent);
    }
}

public sealed class ResolutionIndexTests_Sqlite(SqlitePortal portal) : ResolutionIndexTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResolutionIndexTests_Postgres(PostgresPortal portal) : ResolutionIndexTests(portal), IClassFixture<PostgresPortal>;

public sealed class ResolutionIndexTests_SqlServer(SqlServerPortal portal) : ResolutionIndexTests(portal), IClassFixture<SqlServerPortal>;

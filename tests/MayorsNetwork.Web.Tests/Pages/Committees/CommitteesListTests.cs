using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Committees;

/// <summary>/committees: every body grouped by kind with its filled seats; and a mayor found across all bodies.</summary>
public abstract class CommitteesListTests(PortalFixture portal)
{
    [Fact]
    public async Task The_seeded_bodies_are_listed_by_kind_for_anyone()
    {
        var page = await portal.Client().GetAsync("/committees");

        Assert.Equal("Committees and task forces", page.One("h1")?.TextContent);
        var headings = page.Document.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Executive Committee", "Advisory Board", "Standing committees", "Task forces"], headings.Where(h => h != "Find a mayor"));
        var taskForces = page.Document.QuerySelectorAll("[data-testid=kind-TaskForce] [data-testid=body] a").Select(a => a.TextContent).ToList();
        foreach (var name in new[] { "Immigration Reform", "Automation", "Infrastructure", "Youth Involvement", "Civic Innovation", "Exports", "Hunger and Homelessness", "Brownfields", "Climate Change" })
            Assert.Contains($"{name} Task Force", taskForces);
        var standing = page.Document.QuerySelectorAll("[data-testid=kind-StandingCommittee] [data-testid=body] a").Select(a => a.TextContent).ToList();
        Assert.Contains("Criminal and Social Justice Committee", standing);
        Assert.Equal("/committees/climate-change-task-force",
            page.Document.QuerySelectorAll("[data-testid=kind-TaskForce] a").Single(a => a.TextContent == "Climate Change Task Force").GetAttribute("href"));
    }

    [Fact]
    public async Task Each_body_shows_how_many_seats_are_filled_today()
    {
        var body = await BodyAsync(portal, kind: BodyKind.StandingCommittee);
        await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Chair);
        await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member);
        await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member, startsInDays: 10);
        await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member, startsInDays: -100, endsInDays: -1);

        var page = await portal.Client().GetAsync("/committees");

        var entry = page.Document.QuerySelectorAll("[data-testid=kind-StandingCommittee] [data-testid=body]").Single(li => li.TextContent.Contains(body.Name, StringComparison.Ordinal));
        Assert.Equal("· 2 seats filled", entry.QuerySelector("[data-testid=seat-count]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Searching_a_mayor_finds_their_seats_on_every_body_ignoring_case_and_accents()
    {
        var (one, two) = (await BodyAsync(portal), await BodyAsync(portal));
        var token = Token();
        var city = await CityAsync(portal, mayor: $"José Ñúñez {token}");
        await SeatAsync(portal, one, city, SeatRole.Chair);
        await SeatAsync(portal, two, city, SeatRole.Member);
        await SeatAsync(portal, one, await CityAsync(portal), SeatRole.Member);

        var page = await portal.Client().GetAsync($"/committees?mayor={Uri.EscapeDataString($"jose nunez {token}")}");

        var rows = TableRows(page, "found-seats");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(city.Mayor, r[0]));
        Assert.Equal([(one.Name, "Chair"), (two.Name, "Member")], rows.Select(r => (r[2], r[3])).OrderBy(x => x.Item2));
        Assert.All(rows, r => Assert.Equal("Current", r[5]));
    }

    [Fact]
    public async Task A_search_with_no_match_or_a_single_letter_says_so()
    {
        var none = await portal.Client().GetAsync($"/committees?mayor=nobody-{Token()}");
        var short_ = await portal.Client().GetAsync("/committees?mayor=x");

        Assert.NotNull(none.One("[data-testid=no-seats-found]"));
        Assert.Contains("Enter between 2 and", short_.Errors.Single(), StringComparison.Ordinal);
    }
}

public sealed class CommitteesListTests_Sqlite(SqlitePortal portal) : CommitteesListTests(portal), IClassFixture<SqlitePortal>;

public sealed class CommitteesListTests_Postgres(PostgresPortal portal) : CommitteesListTests(portal), IClassFixture<PostgresPortal>;

public sealed class CommitteesListTests_SqlServer(SqlServerPortal portal) : CommitteesListTests(portal), IClassFixture<SqlServerPortal>;

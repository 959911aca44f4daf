using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Committees;

/// <summary>/committees/{slug}: the current roster chair first, filtered by state and role; past and upcoming seats; unknown bodies.</summary>
public abstract class RosterTests(PortalFixture portal)
{
    [Fact]
    public async Task The_roster_lists_chair_vice_chair_members_by_name_then_ex_officio_and_only_current_seats()
    {
        var body = await BodyAsync(portal);
        var token = Token();
        var officer = await CityAsync(portal, mayor: $"Aaron Officer {token}");
        var zed = await CityAsync(portal, mayor: $"Zed Member {token}");
        var amy = await CityAsync(portal, mayor: $"Amy Member {token}");
        var vice = await CityAsync(portal, mayor: $"Victor Vice {token}");
        var chair = await CityAsync(portal, mayor: $"Yolanda Chair {token}");
        await SeatAsync(portal, body, officer, SeatRole.ExOfficio);
        await SeatAsync(portal, body, zed, SeatRole.Member);
        await SeatAsync(portal, body, amy, SeatRole.Member);
        await SeatAsync(portal, body, vice, SeatRole.ViceChair);
        await SeatAsync(portal, body, chair, SeatRole.Chair, startsInDays: -400);
        var later = await CityAsync(portal, mayor: $"Larry Later {token}");
        await SeatAsync(portal, body, later, SeatRole.Member, startsInDays: 20);
        var gone = await CityAsync(portal, mayor: $"Gina Gone {token}");
        await SeatAsync(portal, body, gone, SeatRole.Member, startsInDays: -300, endsInDays: -2);

        var page = await portal.Client().GetAsync($"/committees/{body.Slug}");

        Assert.Equal(body.Name, page.One("h1")?.TextContent);
        var rows = TableRows(page, "roster");
        Assert.Equal([chair.Mayor, vice.Mayor, amy.Mayor, zed.Mayor, officer.Mayor], rows.Select(r => r[1]));
        Assert.Equal(["Chair", "Vice chair", "Member", "Member", "Ex officio"], rows.Select(r => r[0]));
        Assert.Equal(portal.Clock.Today.AddDays(-400).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), rows[0][4]);
        Assert.Equal([later.Mayor], TableRows(page, "upcoming-seats").Select(r => r[1]));
        Assert.Equal([gone.Mayor], TableRows(page, "past-seats").Select(r => r[1]));
    }

    [Fact]
    public async Task The_roster_can_be_filtered_by_state_and_by_role()
    {
        var body = await BodyAsync(portal);
        var coChair = await CityAsync(portal, state: "CO");
        var coMember = await CityAsync(portal, state: "CO");
        var nmMember = await CityAsync(portal, state: "NM");
        await SeatAsync(portal, body, coChair, SeatRole.Chair);
        await SeatAsync(portal, body, coMember, SeatRole.Member);
        await SeatAsync(portal, body, nmMember, SeatRole.Member);

        var colorado = await portal.Client().GetAsync($"/committees/{body.Slug}?state=CO");
        var members = await portal.Client().GetAsync($"/committees/{body.Slug}?role=Member");
        var both = await portal.Client().GetAsync($"/committees/{body.Slug}?state=nm&role=member");
        var nobody = await portal.Client().GetAsync($"/committees/{body.Slug}?state=TX");

        Assert.Equal([coChair.Mayor, coMember.Mayor], TableRows(colorado, "roster").Select(r => r[1]));
        Assert.Equal(new[] { coMember.Mayor, nmMember.Mayor }.Order(StringComparer.OrdinalIgnoreCase), TableRows(members, "roster").Select(r => r[1]));
        Assert.Equal([nmMember.Mayor], TableRows(both, "roster").Select(r => r[1]));
        Assert.Equal("No current member matches these filters.", nobody.One("[data-testid=empty-roster]")?.TextContent);
        // The state filter offers the states on the roster, the chosen one selected.
        Assert.Equal(["", "CO", "NM"], colorado.Document.QuerySelectorAll("#state option").Select(o => o.GetAttribute("value")));
        Assert.Equal("CO", colorado.One("#state option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored()
    {
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal);
        await SeatAsync(portal, body, city, SeatRole.Member);

        var page = await portal.Client().GetAsync($"/committees/{body.Slug}?state=%3Cscript%3E&role=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([city.Mayor], TableRows(page, "roster").Select(r => r[1]));
    }

    [Fact]
    public async Task An_unknown_body_is_a_page_not_found_not_an_error()
    {
        var page = await portal.Client().GetAsync("/committees/no-such-committee");
        var csv = await portal.Client().GetAsync("/committees/no-such-committee/roster.csv");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, csv.Status);
    }

    [Fact]
    public async Task A_body_without_seats_says_so()
    {
        var body = await BodyAsync(portal);

        var page = await portal.Client().GetAsync($"/committees/{body.Slug}");

        Assert.Equal("No seats are filled at present.", page.One("[data-testid=empty-roster]")?.TextContent);
        Assert.Equal("No past seats yet.", page.One("[data-testid=no-past-seats]")?.TextContent);
    }
}

public sealed class RosterTests_Sqlite(SqlitePortal portal) : RosterTests(portal), IClassFixture<SqlitePortal>;

public sealed class RosterTests_Postgres(PostgresPortal portal) : RosterTests(portal), IClassFixture<PostgresPortal>;

public sealed class RosterTests_SqlServer(SqlServerPortal portal) : RosterTests(portal), IClassFixture<SqlServerPortal>;

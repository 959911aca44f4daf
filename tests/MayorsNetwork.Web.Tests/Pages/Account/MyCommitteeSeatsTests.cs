using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>A member's account page lists their city's mayor's committee seats that have not ended, and no one else's.</summary>
public abstract class MyCommitteeSeatsTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_sees_their_mayors_current_and_upcoming_seats_but_not_ended_ones_or_other_cities()
    {
        var city = await CityAsync(portal);
        var other = await CityAsync(portal);
        var (chaired, joined, left, later) = (await BodyAsync(portal), await BodyAsync(portal), await BodyAsync(portal), await BodyAsync(portal));
        await SeatAsync(portal, chaired, city, SeatRole.Chair, endsInDays: 100);
        await SeatAsync(portal, joined, city, SeatRole.Member);
        await SeatAsync(portal, left, city, SeatRole.Member, startsInDays: -300, endsInDays: -1);
        await SeatAsync(portal, later, city, SeatRole.ExOfficio, startsInDays: 30);
        await SeatAsync(portal, joined, other, SeatRole.Chair);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);

        var page = await member.GetAsync("/account");

        var rows = TableRows(page, "my-seats");
        Assert.Equal([(chaired.Name, "Chair"), (joined.Name, "Member"), (later.Name, "Ex officio")], rows.Select(r => (r[0], r[1])));
        Assert.All(rows, r => Assert.Equal(city.Mayor, r[2]));
        Assert.Equal($"/committees/{chaired.Slug}", page.One("[data-testid=my-seats] a")?.GetAttribute("href"));
        Assert.DoesNotContain(other.Mayor, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(left.Name, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_seats_is_told_so()
    {
        var city = await CityAsync(portal);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);

        var page = await member.GetAsync("/account");

        Assert.Contains("holds no committee seat at present", page.One("[data-testid=no-seats]")?.TextContent, StringComparison.Ordinal);
    }
}

public sealed class MyCommitteeSeatsTests_Sqlite(SqlitePortal portal) : MyCommitteeSeatsTests(portal), IClassFixture<SqlitePortal>;

public sealed class MyCommitteeSeatsTests_Postgres(PostgresPortal portal) : MyCommitteeSeatsTests(portal), IClassFixture<PostgresPortal>;

public sealed class MyCommitteeSeatsTests_SqlServer(SqlServerPortal portal) : MyCommitteeSeatsTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>
/// Two staff members appoint a chair of the same body at the same moment, each having opened the form
/// before the other saved: the database's unique index lets exactly one in, and the other is told who is chair.
/// </summary>
public abstract class ConcurrentChairTests(PortalFixture portal)
{
    [Fact]
    public async Task Two_staff_appointing_a_chair_at_once_give_exactly_one_chair_and_the_other_a_message_naming_them()
    {
        var (alice, bob) = (await portal.SignedInStaffAsync("Alice Staff"), await portal.SignedInStaffAsync("Bob Staff"));
        for (var round = 0; round < 6; round++)
        {
            var body = await BodyAsync(portal);
            var (a, b) = (await CityAsync(portal, state: "CO"), await CityAsync(portal, state: "NM"));
            var formA = await alice.GetAsync($"/staff/committees/{body.Slug}/appoint");
            var formB = await bob.GetAsync($"/staff/committees/{body.Slug}/appoint");

            var results = await Task.WhenAll(
                alice.SubmitAsync(formA, Values(a), "#appoint"),
                bob.SubmitAsync(formB, Values(b), "#appoint"));

            var seats = await OpenSeatsAsync(portal, body.Id);
            var chair = Assert.Single(seats);
            Assert.Equal(SeatRole.Chair, chair.Role);
            Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
            var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            var winner = chair.MembershipId == a.MembershipId ? a : b;
            Assert.Contains($"{body.Name} already has a chair: {winner.Mayor} of {winner.Name}, {winner.State}.", Assert.Single(loser.Errors.Distinct()), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string?> Values(City city) => new()
    {
        ["Input.MembershipId"] = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Role"] = "Chair",
    };
}

public sealed class ConcurrentChairTests_Sqlite(SqlitePortal portal) : ConcurrentChairTests(portal), IClassFixture<SqlitePortal>;

public sealed class ConcurrentChairTests_Postgres(PostgresPortal portal) : ConcurrentChairTests(portal), IClassFixture<PostgresPortal>;

public sealed class ConcurrentChairTests_SqlServer(SqlServerPortal portal) : ConcurrentChairTests(portal), IClassFixture<SqlServerPortal>;

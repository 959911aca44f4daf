using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>
/// The seat rules that matter when staff act at once are unique indexes in the migrated database: each
/// insert here comes from its own context and skips the pages' checks, so only the database can refuse it.
/// </summary>
public abstract class SeatIndexTests(PortalFixture portal)
{
    [Theory]
    [InlineData(SeatRole.Chair)]
    [InlineData(SeatRole.ViceChair)]
    public async Task The_database_refuses_a_second_open_chair_or_vice_chair_of_a_body(SeatRole role)
    {
        var body = await BodyAsync(portal);
        await SeatAsync(portal, body, await CityAsync(portal), role);

        await Assert.ThrowsAsync<DbUpdateException>(async () => await SeatAsync(portal, body, await CityAsync(portal), role));

        Assert.Single(await OpenSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_seat_for_the_same_city_on_a_body()
    {
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal);
        await SeatAsync(portal, body, city, SeatRole.Member);

        await Assert.ThrowsAsync<DbUpdateException>(() => SeatAsync(portal, body, city, SeatRole.ExOfficio));
    }

    [Fact]
    public async Task Many_members_and_ex_officio_seats_and_ended_chairs_are_allowed()
    {
        var body = await BodyAsync(portal);
        var old = await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Chair, startsInDays: -200);
        await portal.WithDbAsync(async db =>
        {
            var seat = await db.Seats.SingleAsync(s => s.Id == old);
            seat.End(portal.Clock.Today.AddDays(-1), "Test", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Chair);
        for (var i = 0; i < 3; i++) await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member);
        for (var i = 0; i < 2; i++) await SeatAsync(portal, body, await CityAsync(portal), SeatRole.ExOfficio);

        Assert.Equal(6, (await OpenSeatsAsync(portal, body.Id)).Count);
    }
}

public sealed class SeatIndexTests_Sqlite(SqlitePortal portal) : SeatIndexTests(portal), IClassFixture<SqlitePortal>;

public sealed class SeatIndexTests_Postgres(PostgresPortal portal) : SeatIndexTests(portal), IClassFixture<PostgresPortal>;

public sealed class SeatIndexTests_SqlServer(SqlServerPortal portal) : SeatIndexTests(portal), IClassFixture<SqlServerPortal>;

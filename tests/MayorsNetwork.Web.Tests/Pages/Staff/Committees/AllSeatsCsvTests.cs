using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Pages.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>Staff export every seat of every body, current and past, with who appointed and ended it.</summary>
public abstract class AllSeatsCsvTests(PortalFixture portal)
{
    [Fact]
    public async Task The_all_seats_csv_holds_current_upcoming_and_ended_seats_with_who_appointed_them()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var body = await BodyAsync(portal);
        var (chair, soon, gone) = (await CityAsync(portal), await CityAsync(portal), await CityAsync(portal));
        Assert.Equal(HttpStatusCode.Redirect, (await AppointAsync(staff, body.Slug, chair, "Chair")).Status);
        await SeatAsync(portal, body, soon, SeatRole.Member, startsInDays: 5);
        await SeatAsync(portal, body, gone, SeatRole.Member, startsInDays: -50, endsInDays: -3);

        var index = await staff.GetAsync("/staff/committees");
        var response = await staff.Http.GetAsync(index.One("[data-testid=seats-csv]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"committee-seats-{portal.Clock.Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var (header, records) = CsvFiles.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Body", "Kind", "Role", "Mayor", "City", "State", "Starts", "Ends", "Status", "Appointed by", "Appointed at (UTC)", "Ended by"], header);
        var mine = records.Where(r => r[0] == body.Name).ToDictionary(r => r[3]);
        Assert.Equal(3, mine.Count);
        Assert.Equal(("Task force", "Chair", "Current", "Sam Staff"), (mine[chair.Mayor][1], mine[chair.Mayor][2], mine[chair.Mayor][8], mine[chair.Mayor][9]));
        Assert.Equal("Upcoming", mine[soon.Mayor][8]);
        Assert.Equal("Ended", mine[gone.Mayor][8]);
        Assert.Equal(CommitteeSeeds.Iso(portal.Clock.Today.AddDays(-3)), mine[gone.Mayor][7]);
    }

    [Fact]
    public async Task The_all_seats_csv_is_for_staff_only()
    {
        var anonymous = await portal.Client().GetAsync("/staff/committees/seats.csv");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri("https://localhost"), anonymous.Location).AbsolutePath, StringComparison.Ordinal);
    }
}

public sealed class AllSeatsCsvTests_Sqlite(SqlitePortal portal) : AllSeatsCsvTests(portal), IClassFixture<SqlitePortal>;

public sealed class AllSeatsCsvTests_Postgres(PostgresPortal portal) : AllSeatsCsvTests(portal), IClassFixture<PostgresPortal>;

public sealed class AllSeatsCsvTests_SqlServer(SqlServerPortal portal) : AllSeatsCsvTests(portal), IClassFixture<SqlServerPortal>;

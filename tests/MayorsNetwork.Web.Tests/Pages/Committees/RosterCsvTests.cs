using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Committees;

/// <summary>The roster as CSV: the same people in the same order as the page, under a file name that says what and when.</summary>
public abstract class RosterCsvTests(PortalFixture portal)
{
    [Fact]
    public async Task The_roster_csv_parsed_back_matches_the_page_row_for_row()
    {
        var body = await BodyAsync(portal, name: $"Climate {Token()} Task Force");
        await SeatAsync(portal, body, await CityAsync(portal, state: "NM", name: $"Española {Token()}", mayor: $"Ana \"Annie\" Núñez, Jr. {Token()}"), SeatRole.Member);
        await SeatAsync(portal, body, await CityAsync(portal, state: "CO"), SeatRole.Chair, endsInDays: 200);
        await SeatAsync(portal, body, await CityAsync(portal, state: "TX"), SeatRole.ViceChair);
        await SeatAsync(portal, body, await CityAsync(portal, state: "CO"), SeatRole.ExOfficio);
        var client = portal.Client();

        var page = await client.GetAsync($"/committees/{body.Slug}");
        var link = page.One("[data-testid=roster-csv]")!.GetAttribute("href")!;
        var response = await client.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{body.Slug}-roster-{portal.Clock.Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var (header, records) = CsvFiles.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Body", "Role", "Mayor", "City", "State", "Since", "Term ends"], header);
        var rows = TableRows(page, "roster");
        Assert.Equal(rows.Count, records.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(body.Name, records[i][0]);
            Assert.Equal(rows[i][0], records[i][1]);
            Assert.Equal(rows[i][1], records[i][2]);
            Assert.Equal(rows[i][2], records[i][3]);
            Assert.Equal(rows[i][3], records[i][4]);
            Assert.Equal(rows[i][4], DateOnly.ParseExact(records[i][5], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture));
        }

        Assert.Equal(["Chair", "Vice chair", "Member", "Ex officio"], records.Select(r => r[1]));
        Assert.Equal(portal.Clock.Today.AddDays(200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), records[0][6]);
        Assert.Contains(records, r => r[2].StartsWith("Ana \"Annie\" Núñez, Jr.", StringComparison.Ordinal) && r[3].StartsWith("Española", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_of_a_filtered_page_holds_the_same_filtered_rows()
    {
        var body = await BodyAsync(portal);
        await SeatAsync(portal, body, await CityAsync(portal, state: "CO"), SeatRole.Chair);
        var nm = await CityAsync(portal, state: "NM");
        await SeatAsync(portal, body, nm, SeatRole.Member);
        var client = portal.Client();

        var page = await client.GetAsync($"/committees/{body.Slug}?state=NM");
        var (_, records) = CsvFiles.Read(await client.Http.GetByteArrayAsync(page.One("[data-testid=roster-csv]")!.GetAttribute("href")));

        Assert.Equal([nm.Mayor], records.Select(r => r[2]));
        Assert.Equal(TableRows(page, "roster").Select(r => r[1]), records.Select(r => r[2]));
    }

    [Fact]
    public async Task A_name_that_looks_like_a_spreadsheet_formula_is_escaped_in_the_csv()
    {
        var body = await BodyAsync(portal);
        await SeatAsync(portal, body, await CityAsync(portal, mayor: "=HYPERLINK(\"http://evil.example\")"), SeatRole.Member);

        var bytes = await portal.Client().Http.GetByteArrayAsync($"/committees/{body.Slug}/roster.csv");

        var (_, records) = CsvFiles.Read(bytes);
        Assert.False(records.Single()[2].StartsWith('='), records.Single()[2]);
        Assert.Contains("HYPERLINK", records.Single()[2], StringComparison.Ordinal);
    }
}

public sealed class RosterCsvTests_Sqlite(SqlitePortal portal) : RosterCsvTests(portal), IClassFixture<SqlitePortal>;

public sealed class RosterCsvTests_Postgres(PostgresPortal portal) : RosterCsvTests(portal), IClassFixture<PostgresPortal>;

public sealed class RosterCsvTests_SqlServer(SqlServerPortal portal) : RosterCsvTests(portal), IClassFixture<SqlServerPortal>;

using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Pages.Committees;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Votes.ResultSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>The roll call of a closed vote, as CSV and as PDF: every elector city, its choice, who cast it, as what and when.</summary>
public abstract class RollCallTests(PortalFixture portal)
{
    private static readonly BallotChoice?[] Pattern = [BallotChoice.Yes, BallotChoice.No, null, BallotChoice.Abstain, BallotChoice.Yes];

    [Fact]
    public async Task The_roll_call_csv_parsed_back_equals_the_ballots_in_the_database_row_for_row()
    {
        var vote = await PlenaryAsync(portal, 9, i => Pattern[i % Pattern.Length]);

        var response = await portal.Client().Http.GetAsync($"/votes/{vote.VoteId}/roll-call.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var closedOn = await portal.WithDbAsync(db => db.Votes.Where(v => v.Id == vote.VoteId).Select(v => v.ClosedAtUtc!.Value).SingleAsync());
        Assert.Equal($"roll-call-vote-{vote.VoteId}-{closedOn:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var (header, records) = CsvFiles.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["City", "Choice", "Cast by", "Cast as", "Cast at (UTC)"], header);

        var expected = await portal.WithDbAsync(async db =>
        {
            var electors = await db.Electors.AsNoTracking().Where(e => e.VoteId == vote.VoteId).ToListAsync();
            var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.VoteId).ToDictionaryAsync(b => b.MembershipId);
            return electors.OrderBy(e => e.City, StringComparer.Ordinal).Select(e => ballots.TryGetValue(e.MembershipId, out var b)
                    ? new[] { e.City, b.Choice.ToString(), b.CastByName, b.CastAs.ToString(), b.CastAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) }
                    : [e.City, "Not voted", "", "", ""])
                .ToList();
        });
        Assert.Equal(9, records.Count);
        Assert.Equal(expected, records);
        Assert.Equal(7, records.Count(r => r[1] != "Not voted"));
        Assert.All(records.Where(r => r[1] != "Not voted"), r => Assert.Equal("Delegate", r[3]));
        // The cast time reads back as the instant the database holds, in UTC.
        Assert.All(records.Where(r => r[4] != ""), r => Assert.Equal(DateTimeKind.Utc,
            DateTime.Parse(r[4], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Kind));
    }

    [Fact]
    public async Task The_roll_call_pdf_names_every_city_with_its_choice_and_who_cast_it()
    {
        var vote = await PlenaryAsync(portal, 5, i => Pattern[i]);

        var response = await portal.Client().Http.GetAsync($"/votes/{vote.VoteId}/roll-call.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await Workflow.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var lines = text.Split('\n');
        Assert.Contains(vote.Title, text, StringComparison.Ordinal);
        Assert.Contains("Result: Adopted. Passed: 2 Yes to 1 No.", text, StringComparison.Ordinal);
        for (var i = 0; i < vote.Voters.Count; i++)
        {
            var line = Assert.Single(lines, l => l.Contains(vote.Voters[i].City.Name, StringComparison.Ordinal));
            Assert.Contains(Pattern[i]?.ToString() ?? "Not voted", line, StringComparison.Ordinal);
            if (Pattern[i] is not null) Assert.Contains(vote.Voters[i].City.Mayor, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_long_roll_call_pdf_runs_over_several_pages_with_every_city_on_it()
    {
        var vote = await PlenaryAsync(portal, 130, i => i % 10 == 9 ? null : (BallotChoice)(1 + (i % 3)));

        var pdf = await portal.Client().Http.GetByteArrayAsync($"/votes/{vote.VoteId}/roll-call.pdf");

        var text = await Workflow.PdfTextAsync(pdf);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= 3, $"Expected at least 3 pages for 130 cities, got {pages.Count}.");
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
        // The table's headings repeat on each page.
        Assert.All(pages, p => Assert.Contains("Cast at (UTC)", p, StringComparison.Ordinal));
        Assert.All(vote.Voters, v => Assert.Contains(v.City.Name, text, StringComparison.Ordinal));
        Assert.Equal(13, text.Split('\n').Count(l => l.Contains("Not voted", StringComparison.Ordinal) && l.Contains("City ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task While_the_vote_is_open_the_roll_call_is_a_page_saying_so_not_a_file()
    {
        var vote = await PlenaryAsync(portal, 3, _ => BallotChoice.Yes, close: false);
        var client = portal.Client();

        foreach (var format in new[] { "csv", "pdf" })
        {
            var page = await client.GetAsync($"/votes/{vote.VoteId}/roll-call.{format}");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Roll call not available yet", page.Text, StringComparison.Ordinal);
            Assert.Contains("is still open", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(vote.Voters[0].City.Name, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_roll_call_of_an_unknown_vote_is_not_found()
    {
        var page = await portal.Client().GetAsync("/votes/987654/roll-call.csv");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }
}

public sealed class RollCallTests_Sqlite(SqlitePortal portal) : RollCallTests(portal), IClassFixture<SqlitePortal>;

public sealed class RollCallTests_Postgres(PostgresPortal portal) : RollCallTests(portal), IClassFixture<PostgresPortal>;

public sealed class RollCallTests_SqlServer(SqlServerPortal portal) : RollCallTests(portal), IClassFixture<SqlServerPortal>;

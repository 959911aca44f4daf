using System.Net;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Votes.ResultSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Meetings;

/// <summary>The policy report of a meeting: the resolutions its plenary adopted, as a PDF for the President and Congress.</summary>
public abstract class PolicyReportTests(PortalFixture portal)
{
    private const string HousingText = """
        ## Whereas

        Cities house **most** Americans; and

        - rents rose faster than wages;
        - vacancy is below 5 percent.

        ## Now, therefore, be it resolved

        1. That the association urges Congress to fund housing vouchers.
        2. That the President convene mayors on housing.

        See [the report](https://example.org/housing).
        """;

    [Fact]
    public async Task The_report_holds_each_adopted_resolution_with_sponsor_cosponsors_counts_and_text_and_leaves_out_the_failed_one()
    {
        var meetingId = await MeetingAsync(portal, title: $"Annual Meeting {Token()}");
        var voters = await CredentialedCitiesAsync(portal, meetingId, 5);
        var token = Token();
        var housing = await RecommendedResolutionAsync(portal, meetingId, voters[0], $"Affordable Housing {token}", HousingText,
            cosponsors: [(voters[1], true), (voters[2], false)]);
        var transit = await RecommendedResolutionAsync(portal, meetingId, voters[3], $"Transit Funding {token}", "Cities need buses.\n\nAnd trains.");
        var failed = await RecommendedResolutionAsync(portal, meetingId, voters[4], $"Failed Idea {token}", "Unique failed text " + token);
        BallotChoice?[] yesMostly = [BallotChoice.Yes, BallotChoice.Yes, BallotChoice.Yes, BallotChoice.No, BallotChoice.Abstain];
        foreach (var (resolution, choice) in new[] { (housing, (Func<int, BallotChoice?>)(i => yesMostly[i])), (transit, _ => BallotChoice.Yes), (failed, _ => BallotChoice.No) })
        {
            var voteId = await OpenPlenaryAsync(portal, resolution);
            await CastAsync(portal, voteId, voters, choice);
            await CloseAsync(portal, voteId);
        }

        var response = await portal.Client().Http.GetAsync($"/meetings/{meetingId}/adopted.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await Workflow.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        var meetingTitle = await portal.WithDbAsync(db => Task.FromResult(db.Meetings.Single(m => m.Id == meetingId).Title));
        Assert.Contains($"Adopted Policy Resolutions {meetingTitle}", flat, StringComparison.Ordinal);
        Assert.Contains($"Affordable Housing {token}", flat, StringComparison.Ordinal);
        Assert.Contains($"Transit Funding {token}", flat, StringComparison.Ordinal);
        Assert.DoesNotContain($"Failed Idea {token}", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Unique failed text", flat, StringComparison.Ordinal);
        Assert.Contains($"Sponsor: Mayor {voters[0].City.Mayor}, {voters[0].City.Name}, CO", flat, StringComparison.Ordinal);
        Assert.Contains($"Cosponsors: Mayor {voters[1].City.Mayor}", flat, StringComparison.Ordinal);
        Assert.DoesNotContain(voters[2].City.Mayor, flat, StringComparison.Ordinal);
        Assert.Contains("Yes 3, No 1, Abstain 1, of 5 elector cities", flat, StringComparison.Ordinal);
        // The Markdown is drawn, not shown: headings, list items, emphasis and links read as text.
        Assert.Contains("Whereas", flat, StringComparison.Ordinal);
        Assert.Contains("Cities house most Americans; and", flat, StringComparison.Ordinal);
        Assert.Contains("• rents rose faster than wages;", flat, StringComparison.Ordinal);
        Assert.Contains("1. That the association urges Congress to fund housing vouchers.", flat, StringComparison.Ordinal);
        Assert.Contains("2. That the President convene mayors on housing.", flat, StringComparison.Ordinal);
        Assert.Contains("See the report (https://example.org/housing).", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("##", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("**", flat, StringComparison.Ordinal);
        Assert.Contains("Cities need buses. And trains.", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_tag_in_a_resolution_is_printed_as_text_in_the_report_and_never_markup_on_the_page()
    {
        var title = $"Safe Streets {Token()} <script>alert(1)</script>";
        var vote = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, title: title, text: "Before.\n\n<script>alert('pdf')</script>\n\nAfter <b>bold</b>.");

        var pdf = await portal.Client().Http.GetByteArrayAsync($"/meetings/{vote.MeetingId}/adopted.pdf");
        var results = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        var flat = System.Text.RegularExpressions.Regex.Replace(await Workflow.PdfTextAsync(pdf), @"\s+", " ");
        Assert.Contains("<script>alert('pdf')</script>", flat, StringComparison.Ordinal);
        Assert.Contains("After <b>bold</b>.", flat, StringComparison.Ordinal);
        Assert.Contains(title, flat, StringComparison.Ordinal);
        Assert.Equal(title, results.One("[data-testid=resolution]")?.TextContent);
        Assert.DoesNotContain(results.Document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_meeting_with_nothing_adopted_gets_a_page_saying_so()
    {
        var vote = await PlenaryAsync(portal, 3, _ => BallotChoice.No);

        var page = await portal.Client().GetAsync($"/meetings/{vote.MeetingId}/adopted.pdf");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No adopted resolutions", page.One("h1")?.TextContent);
        Assert.Contains("has not adopted any resolution", page.One("[data-testid=none-adopted]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_list_links_a_past_meeting_to_its_policy_report()
    {
        var meetingId = await MeetingAsync(portal, MeetingKind.Special, startsInDays: -10, title: $"Special Meeting {Token()}");

        var page = await portal.Client().GetAsync("/meetings");

        var card = Assert.Single(page.Document.QuerySelectorAll("[data-testid=meeting]"),
            c => c.QuerySelector("[data-testid=adopted-pdf]")?.GetAttribute("href") == $"/meetings/{meetingId}/adopted.pdf");
        Assert.Contains("Adopted policy resolutions (PDF)", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_meeting_has_no_report()
    {
        var page = await portal.Client().GetAsync("/meetings/987654/adopted.pdf");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }
}

public sealed class PolicyReportTests_Sqlite(SqlitePortal portal) : PolicyReportTests(portal), IClassFixture<SqlitePortal>;

public sealed class PolicyReportTests_Postgres(PostgresPortal portal) : PolicyReportTests(portal), IClassFixture<PostgresPortal>;

public sealed class PolicyReportTests_SqlServer(SqlServerPortal portal) : PolicyReportTests(portal), IClassFixture<SqlServerPortal>;

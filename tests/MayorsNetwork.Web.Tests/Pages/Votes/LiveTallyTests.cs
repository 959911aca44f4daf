using System.Net;
using System.Text.Json;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Votes.BallotSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// The live tally: served complete (it works without script), its counts as JSON for the page's script, both
/// following the ballots as they are recorded, never cached, and final once the vote closes.
/// </summary>
public abstract class LiveTallyTests(PortalFixture portal)
{
    [Fact]
    public async Task The_tally_page_and_its_counts_follow_the_ballots_and_quorum_and_say_closed_at_the_end()
    {
        var mayors = await MayorsAsync(portal, 4);
        var vote = await OpenPlenaryAsync(portal, mayors.Select(m => m.City).ToList(), quorumPercent: 50);
        var anyone = portal.Client();

        var empty = await anyone.GetAsync($"/votes/{vote.VoteId}/tally");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("no-store", empty.Response.Headers.CacheControl?.ToString());
        Assert.Equal(("0", "0", "0", "4"), Counts(empty));
        Assert.Equal("0 of 4 (0%)", empty.One("[data-testid=turnout]")?.TextContent);
        Assert.Equal("Quorum not reached yet: 0 ballots, 2 needed (50% of the electors).", empty.One("[data-testid=quorum]")?.TextContent);
        Assert.Equal("Open", empty.One("[data-testid=state]")?.TextContent);
        Assert.Equal($"/votes/{vote.VoteId}/tally?handler=Counts", empty.One("[data-testid=live-tally]")?.GetAttribute("data-counts-url"));

        await CastAsync(mayors[0].Client, vote.VoteId, mayors[0].City, "Yes");
        await CastAsync(mayors[1].Client, vote.VoteId, mayors[1].City, "Abstain");
        var json = await CountsJsonAsync(anyone, vote.VoteId);
        var page = await anyone.GetAsync($"/votes/{vote.VoteId}/tally");

        Assert.Equal((true, 1, 0, 1, 2, 2, 4), (json.GetProperty("isOpen").GetBoolean(), json.GetProperty("yes").GetInt32(), json.GetProperty("no").GetInt32(),
            json.GetProperty("abstain").GetInt32(), json.GetProperty("cast").GetInt32(), json.GetProperty("notVoted").GetInt32(), json.GetProperty("electors").GetInt32()));
        Assert.Equal("2 of 4 (50%)", json.GetProperty("turnout").GetString());
        Assert.True(json.GetProperty("quorumMet").GetBoolean());
        Assert.Equal("Quorum reached: 2 ballots, 2 needed.", json.GetProperty("quorumText").GetString());
        Assert.Equal(("1", "0", "1", "2"), Counts(page));
        Assert.Equal("Quorum reached: 2 ballots, 2 needed.", page.One("[data-testid=quorum]")?.TextContent);

        await CastAsync(mayors[2].Client, vote.VoteId, mayors[2].City, "No");
        await ResultSeeds.CloseAsync(portal, vote.VoteId);
        // A ballot page still open on a phone cannot add to the closed count.
        Assert.Equal(HttpStatusCode.Conflict, (await PostBallotAsync(mayors[3].Client, vote.VoteId, mayors[3].City.MembershipId, "Yes")).Status);
        var final = await CountsJsonAsync(anyone, vote.VoteId);
        var closedPage = await anyone.GetAsync($"/votes/{vote.VoteId}/tally");

        Assert.False(final.GetProperty("isOpen").GetBoolean());
        Assert.Equal((1, 1, 1), (final.GetProperty("yes").GetInt32(), final.GetProperty("no").GetInt32(), final.GetProperty("abstain").GetInt32()));
        Assert.Equal("Did not pass", final.GetProperty("outcome").GetString());
        Assert.Equal("Closed", closedPage.One("[data-testid=state]")?.TextContent);
        Assert.False(closedPage.One("[data-testid=closed-note]")!.HasAttribute("hidden"));
        Assert.Null(closedPage.One("[data-testid=ballot-link]"));
    }

    [Fact]
    public async Task An_unknown_vote_has_no_tally()
    {
        var client = portal.Client();

        var page = await client.GetAsync("/votes/987654/tally");
        var json = await client.Http.GetAsync("/votes/987654/tally?handler=Counts");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
    }

    private static (string?, string?, string?, string?) Counts(PageResult page) =>
        (page.One("[data-testid=count-yes]")?.TextContent, page.One("[data-testid=count-no]")?.TextContent,
            page.One("[data-testid=count-abstain]")?.TextContent, page.One("[data-testid=count-notVoted]")?.TextContent);

    private static async Task<JsonElement> CountsJsonAsync(PortalClient client, int voteId)
    {
        using var response = await client.Http.GetAsync($"/votes/{voteId}/tally?handler=Counts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("asOf").GetString()));
        return document.RootElement.GetProperty("counts").Clone();
    }
}

public sealed class LiveTallyTests_Sqlite(SqlitePortal portal) : LiveTallyTests(portal), IClassFixture<SqlitePortal>;

public sealed class LiveTallyTests_Postgres(PostgresPortal portal) : LiveTallyTests(portal), IClassFixture<PostgresPortal>;

public sealed class LiveTallyTests_SqlServer(SqlServerPortal portal) : LiveTallyTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Votes.ResultSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>The public results page of a vote: counts computed at close, rule and quorum in words, the result with its reason, and a bar chart.</summary>
public abstract class ResultsPageTests(PortalFixture portal)
{
    [Fact]
    public async Task A_closed_plenary_vote_shows_its_counts_the_adopted_result_and_a_bar_per_choice()
    {
        // 7 electors: 3 Yes, 1 No, 1 Abstain, 2 not voted. Quorum 50% of 7 = 4 ballots; 5 cast.
        BallotChoice?[] choices = [BallotChoice.Yes, BallotChoice.Yes, BallotChoice.No, BallotChoice.Abstain, BallotChoice.Yes, null, null];
        var vote = await PlenaryAsync(portal, 7, i => choices[i]);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"/resolutions/{vote.ResolutionId}", page.One("[data-testid=resolution-link]")?.GetAttribute("href"));
        Assert.Equal(vote.Title, page.One("[data-testid=resolution]")?.TextContent);
        Assert.Equal("Plenary vote", page.One("[data-testid=stage]")?.TextContent);
        Assert.Equal("Simple majority (more Yes than No), with a quorum of 50% of the 7 elector cities (4 ballots)", page.One("[data-testid=rule]")?.TextContent);
        Assert.Equal("Adopted", page.One("[data-testid=outcome]")?.TextContent);
        Assert.Equal("Passed: 3 Yes to 1 No.", page.One("[data-testid=explanation]")?.TextContent);
        var counts = page.Document.QuerySelectorAll("[data-testid=counts] tbody tr")
            .ToDictionary(r => r.GetAttribute("data-choice")!, r => r.QuerySelector("[data-testid=count]")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["Yes"] = "3", ["No"] = "1", ["Abstain"] = "1", ["Not voted"] = "2" }, counts);
        Assert.Equal("5 of 7 (71.4%)", page.One("[data-testid=turnout]")?.TextContent);
        Assert.Equal("4", page.One("[data-testid=quorum-needed]")?.TextContent);
        Assert.Equal("met", page.One("[data-testid=quorum-met]")?.TextContent);

        var svg = page.One("[data-testid=chart] svg");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Ballots by choice", svg.QuerySelector("title")?.TextContent);
        Assert.Contains("Yes 3 (42.9%)", svg.QuerySelector("desc")?.TextContent, StringComparison.Ordinal);
        var bars = svg.QuerySelectorAll("g[data-choice]").ToDictionary(g => g.GetAttribute("data-choice")!, g => g);
        Assert.Equal(["Yes", "No", "Abstain", "Not voted"], bars.Keys);
        Assert.Equal("3", bars["Yes"].GetAttribute("data-count"));
        Assert.Equal("2", bars["Not voted"].GetAttribute("data-count"));
        // Bar lengths are in proportion to the counts: Yes (3) is three times No (1).
        double Width(string choice) => double.Parse(bars[choice].QuerySelector("rect.bar")!.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3 * Width("No"), Width("Yes"), 0);
        Assert.Equal(Width("No"), Width("Abstain"), 1);
        // The Content-Security-Policy allows no inline style or script: the chart uses presentation attributes only.
        Assert.Empty(page.Document.QuerySelectorAll("main [style], main style, main script"));
        Assert.Equal($"/votes/{vote.VoteId}/roll-call.csv", page.One("[data-testid=roll-call-csv]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_vote_that_misses_its_quorum_fails_and_says_why()
    {
        // 6 electors, quorum 50% = 3 ballots; only 2 vote, both Yes.
        var vote = await PlenaryAsync(portal, 6, i => i < 2 ? BallotChoice.Yes : null);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Equal("Failed", page.One("[data-testid=outcome]")?.TextContent);
        Assert.Equal("Quorum not reached: 2 of 6 electors voted; 3 were needed.", page.One("[data-testid=explanation]")?.TextContent);
        Assert.Equal("not met", page.One("[data-testid=quorum-met]")?.TextContent);
        Assert.Equal("4", page.One("[data-testid=chart] g[data-choice='Not voted']")?.GetAttribute("data-count"));
    }

    [Fact]
    public async Task Two_thirds_not_reached_is_failed_with_the_rule_in_words()
    {
        // 5 Yes, 3 No: 62.5% of those voting Yes or No, short of two-thirds.
        var vote = await PlenaryAsync(portal, 8, i => i < 5 ? BallotChoice.Yes : BallotChoice.No, rule: PassRule.TwoThirds);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Equal("Failed", page.One("[data-testid=outcome]")?.TextContent);
        Assert.Equal("Not passed: 5 Yes of 8 voting Yes or No; two-thirds was needed.", page.One("[data-testid=explanation]")?.TextContent);
        Assert.StartsWith("Two-thirds of those voting Yes or No", page.One("[data-testid=rule]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_vote_shows_no_partial_result_and_points_to_the_live_tally()
    {
        var vote = await PlenaryAsync(portal, 4, i => i < 3 ? BallotChoice.Yes : null, close: false);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This vote is still open", page.Text, StringComparison.Ordinal);
        Assert.Equal($"/votes/{vote.VoteId}/tally", page.One("[data-testid=tally-link]")?.GetAttribute("href"));
        Assert.Null(page.One("[data-testid=outcome]"));
        Assert.Null(page.One("[data-testid=counts]"));
        Assert.Null(page.One("svg"));
        Assert.DoesNotContain("Adopted", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_votes_page_is_not_cached_so_the_result_shows_as_soon_as_the_vote_closes()
    {
        var vote = await PlenaryAsync(portal, 4, i => i < 3 ? BallotChoice.Yes : null, close: false);
        var open = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        // Closed behind the pages' back, so nothing is evicted: only a page that was never kept can show it.
        await portal.WithDbKeepingCacheAsync(async db =>
        {
            var v = await db.Votes.Include(x => x.Resolution).SingleAsync(x => x.Id == vote.VoteId);
            v.Close([(BallotChoice.Yes, 3)], null, "Test", portal.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var closed = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Contains("This vote is still open", open.Text, StringComparison.Ordinal);
        Assert.Equal("Adopted", closed.One("[data-testid=outcome]")?.TextContent);
    }

    [Fact]
    public async Task An_unknown_vote_is_a_not_found_page()
    {
        var page = await portal.Client().GetAsync("/votes/987654/results");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_resolution_title_is_shown_as_text_never_run()
    {
        var title = $"<script>alert('x')</script> Clean water {Guid.NewGuid():N}";
        var vote = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, title: title);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");

        Assert.Equal(title, page.One("[data-testid=resolution]")?.TextContent);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
    }
}

public sealed class ResultsPageTests_Sqlite(SqlitePortal portal) : ResultsPageTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResultsPageTests_Postgres(PostgresPortal portal) : ResultsPageTests(portal), IClassFixture<PostgresPortal>;

public sealed class ResultsPageTests_SqlServer(SqlServerPortal portal) : ResultsPageTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Votes.BallotSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// A city's mayor (or its credentialed alternate) casts the city's ballot on the ballot page: once, final, with
/// who and when recorded. Every refusal is explained on the page and records nothing.
/// </summary>
public abstract class CastingBallotsTests(PortalFixture portal)
{
    [Fact]
    public async Task The_mayor_casts_the_citys_ballot_which_is_recorded_with_who_and_when_and_shown_as_final()
    {
        var mayors = await MayorsAsync(portal, 2);
        var vote = await OpenPlenaryAsync(portal, [mayors[0].City, mayors[1].City]);
        var mayor = mayors[0];
        var ballotPage = await mayor.Client.GetAsync($"/votes/{vote.VoteId}");
        Assert.Equal(HttpStatusCode.OK, ballotPage.Status);
        Assert.Equal(["Yes", "No", "Abstain"], ballotPage.Document.QuerySelectorAll($"[data-testid=city-{mayor.City.MembershipId}] input[name='Input.Choice']").Select(i => i.GetAttribute("value")));
        Assert.Single(ballotPage.Document.QuerySelectorAll("[data-testid=ballot-form]"));
        var before = portal.Clock.GetUtcNow().UtcDateTime;

        var result = await CastAsync(mayor.Client, vote.VoteId, mayor.City, "No");

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        Assert.Equal($"/votes/{vote.VoteId}", result.Location);
        var ballot = Assert.Single(await BallotsAsync(portal, vote.VoteId));
        Assert.Equal((mayor.City.MembershipId, BallotChoice.No, mayor.City.Mayor, CastAs.Delegate), (ballot.MembershipId, ballot.Choice, ballot.CastByName, ballot.CastAs));
        Assert.InRange(ballot.CastAtUtc, before.AddSeconds(-1), portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        var after = await mayor.Client.GetAsync(result.Location!);
        Assert.Contains($"{mayor.City.Name}, CO voted No. Your ballot is recorded and final.", after.Text, StringComparison.Ordinal);
        Assert.Equal("No", after.One($"[data-testid=city-{mayor.City.MembershipId}] [data-testid=voted-choice]")?.TextContent);
        Assert.Equal(mayor.City.Mayor, after.One("[data-testid=voted-by]")?.TextContent);
        Assert.Null(after.One("[data-testid=ballot-form]"));
    }

    [Fact]
    public async Task A_second_ballot_for_the_city_is_refused_as_already_voted_and_the_first_stands()
    {
        var mayor = (await MayorsAsync(portal, 1))[0];
        var vote = await OpenPlenaryAsync(portal, [mayor.City]);
        var page = await mayor.Client.GetAsync($"/votes/{vote.VoteId}");
        var first = await mayor.Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, mayor.City.MembershipId, "Yes"));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        // The same form again (a second tab, a double tap), now with No.
        var second = await mayor.Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, mayor.City.MembershipId, "No"));

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains(second.Errors, e => e.Contains("has already voted (Yes", StringComparison.Ordinal) && e.Contains("the first ballot stands", StringComparison.Ordinal));
        Assert.Equal("Yes", second.One("[data-testid=voted-choice]")?.TextContent);
        var ballot = Assert.Single(await BallotsAsync(portal, vote.VoteId));
        Assert.Equal(BallotChoice.Yes, ballot.Choice);
    }

    [Fact]
    public async Task No_choice_or_a_made_up_one_is_explained_and_records_nothing()
    {
        var mayor = (await MayorsAsync(portal, 1))[0];
        var vote = await OpenPlenaryAsync(portal, [mayor.City]);

        var none = await CastAsync(mayor.Client, vote.VoteId, mayor.City, null);
        var number = await PostBallotAsync(mayor.Client, vote.VoteId, mayor.City.MembershipId, "1");
        var madeUp = await PostBallotAsync(mayor.Client, vote.VoteId, mayor.City.MembershipId, "Maybe<script>");

        foreach (var result in new[] { none, number, madeUp })
        {
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Contains("Choose Yes, No or Abstain, then press the button to cast the city's ballot. Nothing was recorded.", result.Errors);
            Assert.NotNull(result.One($"[data-testid=city-{mayor.City.MembershipId}] form"));
            Assert.DoesNotContain("<script>", result.Html, StringComparison.Ordinal);
        }

        Assert.Empty(await BallotsAsync(portal, vote.VoteId));
    }

    [Fact]
    public async Task A_ballot_after_the_close_is_refused_and_the_page_points_to_the_result()
    {
        var mayors = await MayorsAsync(portal, 2);
        var vote = await OpenPlenaryAsync(portal, [mayors[0].City, mayors[1].City]);
        var page = await mayors[1].Client.GetAsync($"/votes/{vote.VoteId}");
        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(mayors[0].Client, vote.VoteId, mayors[0].City, "Yes")).Status);
        await ResultSeeds.CloseAsync(portal, vote.VoteId);

        var late = await mayors[1].Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, mayors[1].City.MembershipId, "No"));

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("This vote is closed; no more ballots are accepted.", late.Errors);
        Assert.NotNull(late.One("[data-testid=closed] a[href$='/results']"));
        Assert.Null(late.One("[data-testid=ballot-form]"));
        Assert.Equal([mayors[0].City.MembershipId], (await BallotsAsync(portal, vote.VoteId)).Select(b => b.MembershipId));
        var closed = await VoteAsync(portal, vote.VoteId);
        Assert.Equal((1, 0, 0), (closed.Yes, closed.No, closed.Abstain));
    }

    [Fact]
    public async Task A_lapsed_city_has_no_ballot_and_is_told_why_and_a_forced_post_records_nothing()
    {
        var active = (await MayorsAsync(portal, 1))[0];
        var lapsed = (await MayorsAsync(portal, 1, MembershipStatus.Lapsed))[0];
        // Credentialed while it was Active, lapsed before the vote opened: the vote's electors are the Active cities.
        var vote = await OpenPlenaryAsync(portal, [active.City, lapsed.City]);

        var page = await lapsed.Client.GetAsync($"/votes/{vote.VoteId}");
        var forced = await lapsed.Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, lapsed.City.MembershipId, "Yes"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.One("[data-testid=ballot-form]"));
        Assert.Equal($"{lapsed.City.Name}, CO cannot vote: its membership is Lapsed, and only Active member cities (dues paid) vote.", page.One("[data-testid=no-ballot-reason]")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Contains(forced.Errors, e => e.StartsWith("That city is not among the electors of this vote", StringComparison.Ordinal));
        Assert.Empty(await BallotsAsync(portal, vote.VoteId));
    }

    [Fact]
    public async Task A_city_not_credentialed_for_the_meeting_has_no_ballot_and_is_told_to_ask_staff()
    {
        var mayors = await MayorsAsync(portal, 2);
        var vote = await OpenPlenaryAsync(portal, [mayors[0].City]);
        var outsider = mayors[1];

        var page = await outsider.Client.GetAsync($"/votes/{vote.VoteId}");
        var forced = await outsider.Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, outsider.City.MembershipId, "Yes"));

        Assert.StartsWith($"{outsider.City.Name}, CO is not credentialed for the Annual Meeting", page.One("[data-testid=no-ballot-reason]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Empty(await BallotsAsync(portal, vote.VoteId));
    }

    [Fact]
    public async Task In_a_committee_vote_a_city_without_a_seat_has_no_ballot_and_a_member_city_votes()
    {
        var mayors = await MayorsAsync(portal, 2);
        var (member, outsider) = (mayors[0], mayors[1]);
        var committee = await BodyAsync(portal, name: $"Committee on Transportation {Token()}", kind: BodyKind.StandingCommittee);
        await SeatAsync(portal, committee, member.City, SeatRole.Member);
        var resolution = await Resolutions.ResolutionSeeds.ResolutionAsync(portal, await Resolutions.ResolutionSeeds.MeetingAsync(portal), member.City);
        await Resolutions.ResolutionSeeds.ReferAsync(portal, resolution.Id, committee);
        var staff = await portal.SignedInStaffAsync();
        var opened = await staff.SubmitFormAsync($"/staff/resolutions/{resolution.Id}", new Dictionary<string, string?>(), "[data-testid=open-committee-form]");
        var voteId = int.Parse(opened.Location!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var outsiderPage = await outsider.Client.GetAsync($"/votes/{voteId}");
        var forced = await outsider.Client.PostAsync($"/votes/{voteId}", BallotFields(outsiderPage, outsider.City.MembershipId, "No"));
        var cast = await CastAsync(member.Client, voteId, member.City, "Yes");

        Assert.Equal($"{outsider.City.Name}, CO does not hold a seat on the {committee.Name}: only the committee's member cities vote in a committee vote.",
            outsiderPage.One("[data-testid=no-ballot-reason]")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, forced.Status);
        Assert.Equal(HttpStatusCode.Redirect, cast.Status);
        Assert.Equal([(member.City.MembershipId, BallotChoice.Yes)], (await BallotsAsync(portal, voteId)).Select(b => (b.MembershipId, b.Choice)));
    }

    [Fact]
    public async Task Someone_voting_for_a_city_that_is_not_theirs_is_refused_and_nothing_is_recorded()
    {
        var mayors = await MayorsAsync(portal, 2);
        var vote = await OpenPlenaryAsync(portal, [mayors[0].City, mayors[1].City]);
        var (intruder, victim) = (mayors[0], mayors[1]);

        var result = await PostBallotAsync(intruder.Client, vote.VoteId, victim.City.MembershipId, "No");
        var staffTry = await PostBallotAsync(await portal.SignedInStaffAsync(), vote.VoteId, victim.City.MembershipId, "No");

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Contains($"You cannot vote for {victim.City.Name}, CO: only its mayor or its credentialed alternate can.", result.Errors);
        Assert.Equal(HttpStatusCode.Forbidden, staffTry.Status);
        Assert.Empty(await BallotsAsync(portal, vote.VoteId));
        // The victim can still vote.
        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(victim.Client, vote.VoteId, victim.City, "Yes")).Status);
    }

    [Fact]
    public async Task The_alternate_casts_for_the_city_as_alternate_and_after_the_delegate_voted_is_told_already_voted()
    {
        var mayors = await MayorsAsync(portal, 2);
        var (alternateEmail, alternate) = await SignedInPersonAsync(portal, "Alex Alternate");
        var vote = await OpenPlenaryAsync(portal, [mayors[0].City, mayors[1].City], alternateEmail);

        var page = await alternate.GetAsync($"/votes/{vote.VoteId}");
        Assert.Equal(2, page.Document.QuerySelectorAll("[data-testid=ballot-form]").Length);
        Assert.Contains("You vote as its credentialed alternate.", page.One($"[data-testid=city-{mayors[1].City.MembershipId}]")!.TextContent, StringComparison.Ordinal);
        // The first city's mayor votes first; then its alternate tries.
        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(mayors[0].Client, vote.VoteId, mayors[0].City, "Yes")).Status);
        var late = await alternate.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, mayors[0].City.MembershipId, "No"));
        var forSecond = await CastAsync(alternate, vote.VoteId, mayors[1].City, "Abstain");
        var mayorLater = await PostBallotAsync(mayors[1].Client, vote.VoteId, mayors[1].City.MembershipId, "Yes");

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains(late.Errors, e => e.StartsWith($"{mayors[0].City.Name}, CO has already voted (Yes, cast by {mayors[0].City.Mayor})", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, forSecond.Status);
        Assert.Equal(HttpStatusCode.Conflict, mayorLater.Status);
        var ballots = await BallotsAsync(portal, vote.VoteId);
        Assert.Equal([(mayors[0].City.MembershipId, BallotChoice.Yes, CastAs.Delegate, mayors[0].City.Mayor), (mayors[1].City.MembershipId, BallotChoice.Abstain, CastAs.Alternate, "Alex Alternate")],
            ballots.Select(b => (b.MembershipId, b.Choice, b.CastAs, b.CastByName)));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_to_the_ballot()
    {
        var mayor = (await MayorsAsync(portal, 1))[0];
        var vote = await OpenPlenaryAsync(portal, [mayor.City]);

        var page = await portal.Client().GetAsync($"/votes/{vote.VoteId}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.EndsWith("/account/login?ReturnUrl=" + Uri.EscapeDataString($"/votes/{vote.VoteId}"), page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_lists_the_open_votes_the_mayor_can_cast_and_whether_the_city_has_voted()
    {
        var mayor = (await MayorsAsync(portal, 1))[0];
        var vote = await OpenPlenaryAsync(portal, [mayor.City]);

        var before = await mayor.Client.GetAsync("/account");
        await CastAsync(mayor.Client, vote.VoteId, mayor.City, "Yes");
        var after = await mayor.Client.GetAsync("/account");

        var item = before.One("[data-testid=open-votes] li");
        Assert.Equal($"/votes/{vote.VoteId}", item?.QuerySelector("a")?.GetAttribute("href"));
        Assert.EndsWith($"plenary vote for {mayor.City.Name}, CO, not voted yet", item?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("voted", after.One("[data-testid=open-votes] li")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("not voted yet", after.One("[data-testid=open-votes]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class CastingBallotsTests_Sqlite(SqlitePortal portal) : CastingBallotsTests(portal), IClassFixture<SqlitePortal>;

public sealed class CastingBallotsTests_Postgres(PostgresPortal portal) : CastingBallotsTests(portal), IClassFixture<PostgresPortal>;

public sealed class CastingBallotsTests_SqlServer(SqlServerPortal portal) : CastingBallotsTests(portal), IClassFixture<SqlServerPortal>;

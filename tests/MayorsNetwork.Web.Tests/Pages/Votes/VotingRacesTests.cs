using System.Net;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Votes.BallotSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// The races the annual meeting must survive, through HTTP on each database: many ballots for one city at the
/// same instant (exactly one is recorded), and staff closing the vote while ballots are in flight (every ballot
/// recorded is counted, none is recorded after the close).
/// </summary>
public abstract class VotingRacesTests(PortalFixture portal)
{
    private const int Rounds = 20, SimultaneousBallots = 50, InFlight = 200;

    /// <summary>How many ballots are started before the close, at each attempt.</summary>
    private static readonly int[] CloseAfter = [InFlight / 2, InFlight / 4, InFlight * 3 / 4, InFlight / 8, InFlight * 7 / 8];

    /// <summary>Starts the work when the gate opens (all at once), in the order launched.</summary>
    private static async Task<T> Launch<T>(Task gate, Func<Task<T>> work)
    {
        await gate;
        return await work();
    }

    [Fact]
    public async Task Fifty_simultaneous_ballots_from_one_city_record_exactly_one_in_each_of_twenty_rounds()
    {
        var mayors = await MayorsAsync(portal, Rounds);
        var vote = await OpenPlenaryAsync(portal, mayors.Select(m => m.City).ToList());
        var choices = new[] { "Yes", "No", "Abstain" };

        for (var round = 0; round < Rounds; round++)
        {
            var mayor = mayors[round];
            var page = await mayor.Client.GetAsync($"/votes/{vote.VoteId}");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = Enumerable.Range(0, SimultaneousBallots).Select(async i =>
            {
                await go.Task;
                return await mayor.Client.PostAsync($"/votes/{vote.VoteId}", BallotFields(page, mayor.City.MembershipId, choices[i % 3]));
            }).ToList();
            go.SetResult();
            var results = await Task.WhenAll(posts);

            var ballots = (await BallotsAsync(portal, vote.VoteId)).Where(b => b.MembershipId == mayor.City.MembershipId).ToList();
            var ballot = Assert.Single(ballots);
            Assert.True(results.Count(r => r.Status == HttpStatusCode.Redirect) == 1,
                $"Round {round}: {string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{g.Count()}× {(int)g.Key}"))}");
            var refused = results.Where(r => r.Status != HttpStatusCode.Redirect).ToList();
            Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
            Assert.All(refused, r => Assert.Contains(r.Errors, e => e.Contains($"has already voted ({ballot.Choice}", StringComparison.Ordinal)));
        }

        Assert.Equal(Rounds, (await BallotsAsync(portal, vote.VoteId)).Count);
    }

    [Fact]
    public async Task Closing_while_two_hundred_ballots_are_in_flight_counts_every_recorded_ballot_and_none_after_the_close()
    {
        // One alternate named on 200 cities' credentials, so one signed-in account casts for all of them (signing
        // in 200 mayors costs 200 password hashes); each ballot is still a city's own, checked as the page checks it.
        var (email, alternate) = await SignedInPersonAsync(portal, "Ana Alternate");
        var staff = await portal.SignedInStaffAsync("Carla Closer");
        var sawBoth = false;
        var attempts = new List<string>();
        for (var attempt = 0; attempt < CloseAfter.Length && !sawBoth; attempt++)
        {
            var cities = new List<City>();
            for (var i = 0; i < InFlight; i++) cities.Add(await CityAsync(portal, name: $"Racetown {i:D3} {Token()}"));
            var vote = await OpenPlenaryAsync(portal, cities, email, quorumPercent: 0);
            var ballotPage = await alternate.GetAsync($"/votes/{vote.VoteId}");
            var staffPage = await staff.GetAsync($"/staff/votes/{vote.VoteId}");
            Assert.Equal(InFlight, ballotPage.Document.QuerySelectorAll("[data-testid=ballot-form]").Length);

            // The close is sent in the same burst as the ballots, started after a share of them (half, then a quarter,
            // three quarters...), so that it reaches the server while the others are on their way. Waiting for the
            // first ballots to land before sending it was too late on a fast machine: all 200 were in by then.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = new List<Task<(City City, PageResult Result)>>();
            Task<PageResult>? closing = null;
            for (var i = 0; i < cities.Count; i++)
            {
                if (i == CloseAfter[attempt]) closing = Launch(go.Task, () => staff.SubmitAsync(staffPage, new Dictionary<string, string?>(), "[data-testid=close-form]"));
                var (c, choice) = (cities[i], i % 2 == 0 ? "Yes" : "No");
                posts.Add(Launch(go.Task, async () => (c, await alternate.PostAsync($"/votes/{vote.VoteId}", BallotFields(ballotPage, c.MembershipId, choice)))));
            }

            go.SetResult();
            var close = await closing!;
            var results = await Task.WhenAll(posts);

            Assert.True(close.Status == HttpStatusCode.Redirect, string.Join(" ", close.Errors));
            var closed = await VoteAsync(portal, vote.VoteId);
            var ballots = await BallotsAsync(portal, vote.VoteId);
            var recorded = results.Where(r => r.Result.Status == HttpStatusCode.Redirect).Select(r => r.City.MembershipId).Order().ToList();
            var refused = results.Where(r => r.Result.Status != HttpStatusCode.Redirect).ToList();
            Assert.False(closed.IsOpen);
            Assert.Equal("Carla Closer", closed.ClosedBy);
            Assert.Equal(recorded, ballots.Select(b => b.MembershipId).Order().ToList());
            Assert.Equal(ballots.Count(b => b.Choice == BallotChoice.Yes), closed.Yes);
            Assert.Equal(ballots.Count(b => b.Choice == BallotChoice.No), closed.No);
            Assert.Equal(0, closed.Abstain);
            Assert.All(ballots, b => Assert.True(b.CastAtUtc <= closed.ClosedAtUtc, $"Ballot {b.Id} cast at {b.CastAtUtc:O}, after the close at {closed.ClosedAtUtc:O}"));
            Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.Result.Status));
            Assert.All(refused, r => Assert.Contains("This vote is closed; no more ballots are accepted.", r.Result.Errors));
            // The results page shows the counts that were recorded.
            var resultsPage = await portal.Client().GetAsync($"/votes/{vote.VoteId}/results");
            Assert.Equal(closed.Yes.ToString(), resultsPage.One("tr[data-choice=Yes] [data-testid=count]")?.TextContent);
            sawBoth = recorded.Count > 0 && refused.Count > 0;
            attempts.Add($"attempt {attempt + 1}: {recorded.Count} recorded before the close, {refused.Count} refused after it");
        }

        Assert.True(sawBoth, "In five attempts the close never fell between ballots: every attempt recorded all ballots or none, so the race was not exercised: " + string.Join("; ", attempts));
    }
}

public sealed class VotingRacesTests_Sqlite(SqlitePortal portal) : VotingRacesTests(portal), IClassFixture<SqlitePortal>;

public sealed class VotingRacesTests_Postgres(PostgresPortal portal) : VotingRacesTests(portal), IClassFixture<PostgresPortal>;

public sealed class VotingRacesTests_SqlServer(SqlServerPortal portal) : VotingRacesTests(portal), IClassFixture<SqlServerPortal>;

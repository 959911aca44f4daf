using System.Net;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Votes.BallotSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>The vote's staff page: who opened it, the counts, closing it, who closed it, and the audit of every ballot.</summary>
public abstract class StaffVotePageTests(PortalFixture portal)
{
    [Fact]
    public async Task Staff_see_who_opened_the_vote_each_ballot_with_who_cast_it_and_when_then_close_it_and_see_who_closed_it()
    {
        var mayors = await MayorsAsync(portal, 3);
        var (alternateEmail, alternate) = await SignedInPersonAsync(portal, "Alex Alternate");
        var vote = await OpenPlenaryAsync(portal, mayors.Select(m => m.City).ToList(), alternateEmail);
        await CastAsync(mayors[1].Client, vote.VoteId, mayors[1].City, "No");
        await CastAsync(alternate, vote.VoteId, mayors[0].City, "Yes");
        var staff = await portal.SignedInStaffAsync("Carla Closer");

        var open = await staff.GetAsync($"/staff/votes/{vote.VoteId}");

        Assert.StartsWith(portal.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), open.One("[data-testid=opened]")?.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("UTC by Seeder Staff", open.One("[data-testid=opened]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Open", open.One("[data-testid=closed]")?.TextContent);
        Assert.Equal(("1", "1", "1"), (open.One("[data-testid=count-yes]")?.TextContent, open.One("[data-testid=count-no]")?.TextContent, open.One("[data-testid=count-notVoted]")?.TextContent));
        var ballots = await BallotsAsync(portal, vote.VoteId);
        var rows = open.Document.QuerySelectorAll("[data-testid=ballots] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
            [
                [ballots[0].CastAtUtc.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), $"{mayors[1].City.Name}, CO", "No", mayors[1].City.Mayor, "Delegate"],
                [ballots[1].CastAtUtc.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), $"{mayors[0].City.Name}, CO", "Yes", "Alex Alternate", "Alternate"],
            ],
            rows);
        Assert.Equal([$"{mayors[2].City.Name}, CO"], open.Document.QuerySelectorAll("[data-testid=not-voted] li").Select(li => li.TextContent));

        var closing = await staff.SubmitAsync(open, new Dictionary<string, string?>(), "[data-testid=close-form]");
        var closed = await staff.GetAsync(closing.Location!);
        // A second press from the page as it was (another tab) changes nothing.
        var again = await staff.SubmitAsync(open, new Dictionary<string, string?>(), "[data-testid=close-form]");

        Assert.Equal(HttpStatusCode.Redirect, closing.Status);
        Assert.Contains("The vote is closed: Failed. Not passed: 1 Yes to 1 No; more Yes than No was needed.", closed.Text, StringComparison.Ordinal);
        Assert.EndsWith("UTC by Carla Closer", closed.One("[data-testid=closed]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(closed.One("[data-testid=close-form]"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("This vote is already closed.", again.Errors);
        var stored = await VoteAsync(portal, vote.VoteId);
        Assert.Equal(("Carla Closer", 1, 1, 0, false), (stored.ClosedBy, stored.Yes, stored.No, stored.Abstain, stored.Passed));
    }
}

public sealed class StaffVotePageTests_Sqlite(SqlitePortal portal) : StaffVotePageTests(portal), IClassFixture<SqlitePortal>;

public sealed class StaffVotePageTests_Postgres(PostgresPortal portal) : StaffVotePageTests(portal), IClassFixture<PostgresPortal>;

public sealed class StaffVotePageTests_SqlServer(SqlServerPortal portal) : StaffVotePageTests(portal), IClassFixture<SqlServerPortal>;

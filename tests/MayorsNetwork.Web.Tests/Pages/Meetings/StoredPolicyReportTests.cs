using System.Text.RegularExpressions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Votes.ResultSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Meetings;

/// <summary>
/// Issue 11, defect 5: the policy report is drawn once per change and kept, not on every anonymous GET, and a query
/// string (which would bypass an output cache keyed by URL) does not make it drawn again. A change to an adopted
/// resolution, or a newly adopted one, gives a new report that shows it. Renders are counted by the store.
/// </summary>
public abstract partial class StoredPolicyReportTests(PortalFixture portal)
{
    [Fact]
    public async Task Two_GETs_with_different_query_strings_render_the_report_once_and_get_the_same_PDF()
    {
        var vote = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, title: $"Clean Water {Token()}");

        var first = await portal.Client().Http.GetByteArrayAsync($"/meetings/{vote.MeetingId}/adopted.pdf?x={Token()}");
        var second = await portal.Client().Http.GetByteArrayAsync($"/meetings/{vote.MeetingId}/adopted.pdf?x={Token()}&y=1");

        Assert.Contains(vote.Title, await TextAsync(first), StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(1, Renders(vote.MeetingId));
    }

    [Fact]
    public async Task Changing_an_adopted_resolution_renders_a_new_report_that_shows_the_change_once()
    {
        var before = $"Original wording {Token()}";
        var vote = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, text: before);
        Assert.Contains(before, await ReportTextAsync(vote.MeetingId), StringComparison.Ordinal);

        var after = $"Amended wording {Token()}";
        await portal.WithDbAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == vote.ResolutionId);
            resolution.TextMarkdown = after;
            // No page amends an adopted resolution yet: the new wording and version are written behind the domain's back.
            db.Entry(resolution).Property(r => r.Version).CurrentValue = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        var changed = await ReportTextAsync(vote.MeetingId);
        var again = await ReportTextAsync(vote.MeetingId);

        Assert.Contains(after, changed, StringComparison.Ordinal);
        Assert.DoesNotContain(before, changed, StringComparison.Ordinal);
        Assert.Equal(changed, again);
        Assert.Equal(2, Renders(vote.MeetingId));
    }

    [Fact]
    public async Task Adopting_another_resolution_renders_a_new_report_that_holds_both()
    {
        var first = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, title: $"Broadband {Token()}");
        var only = await ReportTextAsync(first.MeetingId);
        Assert.Contains(first.Title, only, StringComparison.Ordinal);

        var second = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, title: $"Bridges {Token()}", meetingId: first.MeetingId);
        var both = await ReportTextAsync(first.MeetingId);

        Assert.Contains(first.Title, both, StringComparison.Ordinal);
        Assert.Contains(second.Title, both, StringComparison.Ordinal);
        Assert.Contains("2 resolutions adopted", both, StringComparison.Ordinal);
        Assert.Equal(2, Renders(first.MeetingId));
    }

    [Fact]
    public async Task A_20000_character_link_in_an_adopted_resolution_is_printed_whole_across_lines()
    {
        var path = string.Concat(Enumerable.Range(0, 2_500).Select(i => $"seg{i % 1000:D3}x/"));
        var url = $"https://example.org/{path}"[..19_900];
        var vote = await PlenaryAsync(portal, 2, _ => BallotChoice.Yes, text: $"See [the source]({url}) for the data.");

        var raw = await Workflow.PdfTextAsync(await portal.Client().Http.GetByteArrayAsync($"/meetings/{vote.MeetingId}/adopted.pdf"));

        // pdftotext puts each line of the PDF on a line of its own; without the line breaks and the running header
        // and footer of each page (the link runs over several pages), the address is whole, each character once.
        var body = string.Concat(raw.Split('\n').Where(line => !line.Contains("Adopted Policy Resolutions", StringComparison.Ordinal) && !PageNumber().IsMatch(line)));
        var squeezed = Regex.Replace(body, @"\s+", "");
        Assert.Contains($"Seethesource({url})forthedata.", squeezed, StringComparison.Ordinal);
        Assert.Equal(1, Renders(vote.MeetingId));
    }

    private int Renders(int meetingId) => portal.Factory.Services.GetRequiredService<PolicyReportStore>().RenderCount(meetingId);

    private async Task<string> ReportTextAsync(int meetingId) =>
        await TextAsync(await portal.Client().Http.GetByteArrayAsync($"/meetings/{meetingId}/adopted.pdf?nocache={Token()}"));

    [GeneratedRegex(@"Page \d+ of \d+")]
    private static partial Regex PageNumber();

    private static async Task<string> TextAsync(byte[] pdf) => Regex.Replace(await Workflow.PdfTextAsync(pdf), @"\s+", " ");
}

public sealed class StoredPolicyReportTests_Sqlite(SqlitePortal portal) : StoredPolicyReportTests(portal), IClassFixture<SqlitePortal>;

public sealed class StoredPolicyReportTests_Postgres(PostgresPortal portal) : StoredPolicyReportTests(portal), IClassFixture<PostgresPortal>;

public sealed class StoredPolicyReportTests_SqlServer(SqlServerPortal portal) : StoredPolicyReportTests(portal), IClassFixture<SqlServerPortal>;

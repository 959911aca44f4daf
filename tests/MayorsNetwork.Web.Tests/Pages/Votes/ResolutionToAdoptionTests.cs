using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Votes.BallotSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// The whole flow, every step through the pages a mayor or staff member uses: a mayor submits with a cosponsor,
/// who confirms; staff refer it, set its rule and open the committee vote; the committee's mayors vote; staff
/// close it (Recommended), credential the cities for the meeting and open the plenary; the cities vote; staff
/// close it (Adopted). The history, the audit, the results, the roll call and the policy report agree.
/// </summary>
public abstract class ResolutionToAdoptionTests(PortalFixture portal)
{
    [Fact]
    public async Task A_resolution_goes_from_submission_through_committee_and_plenary_votes_to_adopted()
    {
        var mayors = await MayorsAsync(portal, 5);
        var (sponsor, cosponsor) = (mayors[0], mayors[1]);
        var staff = await portal.SignedInStaffAsync("Sam Secretary");
        var meeting = await Resolutions.ResolutionSeeds.MeetingAsync(portal);
        var committee = await BodyAsync(portal, name: $"Committee on Energy {Token()}", kind: BodyKind.StandingCommittee);
        foreach (var m in mayors.Take(3)) await SeatAsync(portal, committee, m.City, m == sponsor ? SeatRole.Chair : SeatRole.Member);
        var title = $"In Support of Solar Cities {Token()}";

        // The mayor submits; the cosponsor confirms on the resolution's page.
        var submitted = await Resolutions.ResolutionSeeds.SubmitAsync(sponsor.Client, meeting.Id, title, "Be it **resolved** that cities go solar.", cosponsor.City.MembershipId);
        Assert.True(submitted.Status == HttpStatusCode.Redirect, string.Join(" ", submitted.Errors));
        var resolutionId = int.Parse(submitted.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await cosponsor.Client.SubmitFormAsync($"/resolutions/{resolutionId}", new Dictionary<string, string?>(), "[data-testid=confirm-form]")).Status);

        // Staff refer it, set two-thirds with a quorum of 60%, and open the committee vote.
        var staffPage = $"/staff/resolutions/{resolutionId}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(staffPage, new Dictionary<string, string?> { ["Input.CommitteeId"] = Id(committee.Id) }, "[data-testid=refer-form]")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(staffPage, new Dictionary<string, string?> { ["Input.PassRule"] = "TwoThirds", ["Input.QuorumPercent"] = "60" }, "[data-testid=rule-form]")).Status);
        var openedCommittee = await staff.SubmitFormAsync(staffPage, new Dictionary<string, string?>(), "[data-testid=open-committee-form]");
        var committeeVote = VoteIdOf(openedCommittee);

        // Two of the three committee cities vote Yes, one No: exactly two-thirds.
        foreach (var (m, choice) in new[] { (mayors[0], "Yes"), (mayors[1], "Yes"), (mayors[2], "No") })
            Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(m.Client, committeeVote, m.City, choice)).Status);
        var closedCommittee = await staff.SubmitFormAsync($"/staff/votes/{committeeVote}", new Dictionary<string, string?>(), "[data-testid=close-form]");
        Assert.Equal(HttpStatusCode.Redirect, closedCommittee.Status);
        Assert.Equal("Recommended", (await staff.GetAsync(staffPage)).One("[data-testid=status]")?.TextContent);

        // Staff credential all five cities for the meeting and open the plenary.
        foreach (var m in mayors)
        {
            var credentialed = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = Id(m.City.MembershipId) }, "[data-testid=credential-form]");
            Assert.True(credentialed.Status == HttpStatusCode.Redirect, string.Join(" ", credentialed.Errors));
        }

        var openedPlenary = await staff.SubmitFormAsync(staffPage, new Dictionary<string, string?>(), "[data-testid=open-plenary-form]");
        var plenaryVote = VoteIdOf(openedPlenary);
        foreach (var (m, choice) in new[] { (mayors[0], "Yes"), (mayors[1], "Yes"), (mayors[2], "Yes"), (mayors[3], "No") })
            Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(m.Client, plenaryVote, m.City, choice)).Status);
        var closedPlenary = await staff.SubmitFormAsync($"/staff/votes/{plenaryVote}", new Dictionary<string, string?>(), "[data-testid=close-form]");
        Assert.Equal(HttpStatusCode.Redirect, closedPlenary.Status);
        var audit = await staff.GetAsync(closedPlenary.Location!);
        Assert.Contains("The vote is closed: Adopted. Passed: 3 Yes of 4 voting Yes or No, at least two-thirds.", audit.Text, StringComparison.Ordinal);

        // What everyone sees now.
        var stored = await portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == resolutionId));
        Assert.Equal(ResolutionStatus.Adopted, stored.Status);
        Assert.Equal(
            [ResolutionStatus.Submitted, ResolutionStatus.Referred, ResolutionStatus.Referred, ResolutionStatus.InCommitteeVote, ResolutionStatus.Recommended,
                ResolutionStatus.InPlenaryVote, ResolutionStatus.Adopted],
            stored.Changes.OrderBy(c => c.AtUtc).ThenBy(c => c.Id).Select(c => c.To));
        Assert.All(stored.Changes.OrderBy(c => c.Id).Skip(1), c => Assert.Equal("Sam Secretary", c.ByName));
        var publicPage = await portal.Client().GetAsync($"/resolutions/{resolutionId}");
        Assert.Equal("Adopted", publicPage.One("[data-testid=status]")?.TextContent.Trim());
        var results = await portal.Client().GetAsync($"/votes/{plenaryVote}/results");
        Assert.Equal("Adopted", results.One("[data-testid=outcome]")?.TextContent);
        Assert.Equal(("3", "1", "0"), (results.One("tr[data-choice=Yes] [data-testid=count]")?.TextContent, results.One("tr[data-choice=No] [data-testid=count]")?.TextContent,
            results.One("tr[data-choice=Abstain] [data-testid=count]")?.TextContent));
        var committeeResults = await portal.Client().GetAsync($"/votes/{committeeVote}/results");
        Assert.Equal("Recommended", committeeResults.One("[data-testid=outcome]")?.TextContent);

        var report = await portal.Client().Http.GetAsync($"/meetings/{meeting.Id}/adopted.pdf");
        var text = System.Text.RegularExpressions.Regex.Replace(await Workflow.PdfTextAsync(await report.Content.ReadAsByteArrayAsync()), @"\s+", " ");
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains($"Cosponsors: Mayor {cosponsor.City.Mayor}", text, StringComparison.Ordinal);
    }

    private static int VoteIdOf(PageResult opened)
    {
        Assert.True(opened.Status == HttpStatusCode.Redirect, string.Join(" ", opened.Errors));
        Assert.StartsWith("/staff/votes/", opened.Location, StringComparison.Ordinal);
        return int.Parse(opened.Location!["/staff/votes/".Length..], CultureInfo.InvariantCulture);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class ResolutionToAdoptionTests_Sqlite(SqlitePortal portal) : ResolutionToAdoptionTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResolutionToAdoptionTests_Postgres(PostgresPortal portal) : ResolutionToAdoptionTests(portal), IClassFixture<PostgresPortal>;

public sealed class ResolutionToAdoptionTests_SqlServer(SqlServerPortal portal) : ResolutionToAdoptionTests(portal), IClassFixture<SqlServerPortal>;

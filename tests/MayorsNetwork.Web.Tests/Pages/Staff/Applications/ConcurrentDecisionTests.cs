using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Staff.Applications.ApplicationsUnderReview;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>
/// Two staff members decide on the same application: the first decision stands, the second gets a
/// clear message and nothing is overwritten (optimistic concurrency on the membership's version).
/// </summary>
public abstract class ConcurrentDecisionTests(PortalFixture portal)
{
    private const string Conflict = "changed by someone else";

    private Task<List<MembershipStatusChange>> DecisionsAsync(int membershipId) =>
        portal.WithDbAsync(db => db.MembershipStatusChanges.Where(h => h.MembershipId == membershipId && h.From == MembershipStatus.Applied).ToListAsync());

    private Task<int> DecisionEmailsAsync(JoinedApplication application) =>
        portal.WithDbAsync(db => db.OutboxMessages.CountAsync(o => o.To == application.ApplicantEmail && (o.Topic.StartsWith("Application approved") || o.Topic.StartsWith("Application rejected"))));

    [Fact]
    public async Task A_rejection_from_a_stale_page_after_an_approval_is_refused_with_a_message()
    {
        var application = await ApplyAsync(portal);
        var alex = await portal.SignedInStaffAsync("Alex First");
        var blair = await portal.SignedInStaffAsync("Blair Second");
        var alexPage = await alex.GetAsync(application.DetailUrl);
        var blairPage = await blair.GetAsync(application.DetailUrl);
        var version = alexPage.One("input[name='Input.Version']")!.GetAttribute("value");
        Assert.Equal(version, blairPage.One("input[name='Input.Version']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(alex, alexPage)).Status);
        var late = await RejectAsync(blair, blairPage, "Not eligible.");

        Assert.Equal(HttpStatusCode.OK, late.Status);
        var message = late.One("[data-testid=conflict]")!.TextContent;
        Assert.Contains(Conflict, message, StringComparison.Ordinal);
        Assert.Contains("it is now Invoiced by Alex First", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", message, StringComparison.Ordinal);
        // The page shows the application as it now is, without the decision buttons.
        Assert.Equal("Invoiced", late.One("[data-testid=status]")!.TextContent);
        Assert.Null(late.One("[data-testid=reject]"));

        var decision = Assert.Single(await DecisionsAsync(application.MembershipId));
        Assert.Equal((MembershipStatus.Approved, "Alex First"), (decision.To, decision.ByName));
        Assert.Equal(MembershipStatus.Invoiced, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == application.MembershipId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, await DecisionEmailsAsync(application));
    }

    [Fact]
    public async Task An_approval_from_a_stale_page_after_an_approval_is_refused_with_a_message()
    {
        var application = await ApplyAsync(portal);
        var alex = await portal.SignedInStaffAsync("Alex First");
        var blair = await portal.SignedInStaffAsync("Blair Second");
        var alexPage = await alex.GetAsync(application.DetailUrl);
        var blairPage = await blair.GetAsync(application.DetailUrl);

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(alex, alexPage)).Status);
        var late = await ApproveAsync(blair, blairPage);

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains(Conflict, late.One("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        var decision = Assert.Single(await DecisionsAsync(application.MembershipId));
        Assert.Equal("Alex First", decision.ByName);
        Assert.Equal(1, await DecisionEmailsAsync(application));
    }

    [Fact]
    public async Task A_stale_page_after_a_rejection_keeps_the_rejection_and_its_reason()
    {
        var application = await ApplyAsync(portal);
        var alex = await portal.SignedInStaffAsync("Alex First");
        var blair = await portal.SignedInStaffAsync("Blair Second");
        var alexPage = await alex.GetAsync(application.DetailUrl);
        var blairPage = await blair.GetAsync(application.DetailUrl);

        Assert.Equal(HttpStatusCode.Redirect, (await RejectAsync(alex, alexPage, "Outside our region.")).Status);
        var late = await RejectAsync(blair, blairPage, "Another reason.");

        Assert.Contains(Conflict, late.One("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        var decision = Assert.Single(await DecisionsAsync(application.MembershipId));
        Assert.Equal((MembershipStatus.Rejected, "Outside our region."), (decision.To, decision.Reason));
    }

    [Fact]
    public async Task When_two_staff_decide_at_the_same_moment_exactly_one_decision_is_recorded()
    {
        var alex = await portal.SignedInStaffAsync("Alex Racer");
        var blair = await portal.SignedInStaffAsync("Blair Racer");
        for (var round = 0; round < 5; round++)
        {
            var application = await ApplyAsync(portal);
            var alexPage = await alex.GetAsync(application.DetailUrl);
            var blairPage = await blair.GetAsync(application.DetailUrl);

            // Alternate: approve against reject, then approve against approve.
            var results = await Task.WhenAll(
                ApproveAsync(alex, alexPage),
                round % 2 == 0 ? RejectAsync(blair, blairPage, "Race reason.") : ApproveAsync(blair, blairPage));

            Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Round {round}: {(int)r.Status} {r.Text[..Math.Min(300, r.Text.Length)]}"));
            var winners = results.Where(r => r.Status == HttpStatusCode.Redirect).ToList();
            var losers = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
            Assert.True(winners.Count == 1, $"Round {round}: {winners.Count} of the two decisions succeeded.");
            Assert.Contains(Conflict, Assert.Single(losers).One("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);

            var decision = Assert.Single(await DecisionsAsync(application.MembershipId));
            var status = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == application.MembershipId).Select(m => m.Status).SingleAsync());
            // An approval goes straight on to Invoiced (the first invoice is issued with it).
            Assert.Equal(decision.To == MembershipStatus.Approved ? MembershipStatus.Invoiced : decision.To, status);
            Assert.Equal(1, await DecisionEmailsAsync(application));
            var linked = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == application.ApplicantEmail).Select(u => u.GovernmentId).SingleAsync());
            Assert.Equal(status == MembershipStatus.Invoiced ? application.GovernmentId : null, linked);
        }
    }
}

public sealed class ConcurrentDecisionTests_Sqlite(SqlitePortal portal) : ConcurrentDecisionTests(portal), IClassFixture<SqlitePortal>;

public sealed class ConcurrentDecisionTests_Postgres(PostgresPortal portal) : ConcurrentDecisionTests(portal), IClassFixture<PostgresPortal>;

public sealed class ConcurrentDecisionTests_SqlServer(SqlServerPortal portal) : ConcurrentDecisionTests(portal), IClassFixture<SqlServerPortal>;

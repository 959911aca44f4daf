using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Join;

/// <summary>
/// Issue 11, defect 2: an anonymous /join naming a Lapsed, Withdrawn or Rejected government stores the proposed details
/// beside the current ones and changes nothing current; staff compare them side by side and approving applies every
/// detail (the billing address too); the applicant sees only their own application; an invoice from before the
/// re-application, once paid, still brings the city back.
/// </summary>
public abstract class ReapplyingTests(PortalFixture portal)
{
    [Theory]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Rejected)]
    public async Task Reapplying_for_a_former_member_changes_nothing_current_and_keeps_the_proposal_beside_it(MembershipStatus former)
    {
        var city = await CityAsync(portal, former);
        var before = await GovernmentAsync(city);
        var historyBefore = await HistoryCountAsync(city);
        var form = Reapplication(city);

        var posted = await portal.Client().SubmitFormAsync("/join", form);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var after = await GovernmentAsync(city);
        Assert.Equal((before.Mayor.Email, before.Liaison.Email, before.Billing.Email, before.BillingAddress, before.Population),
            (after.Mayor.Email, after.Liaison.Email, after.Billing.Email, after.BillingAddress, after.Population));
        var membership = await portal.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == city.MembershipId));
        Assert.Equal(former, membership.Status);
        Assert.StartsWith("seed-", membership.ApplicantUserId, StringComparison.Ordinal);
        Assert.Equal(historyBefore, await HistoryCountAsync(city));
        var proposal = await portal.WithDbAsync(db => db.MembershipProposals.AsNoTracking().SingleAsync(p => p.MembershipId == city.MembershipId));
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal((form["Input.MayorEmail"], form["Input.LiaisonEmail"], form["Input.BillingEmail"], "500 New Street\nTestville, CO 80001", 131_000),
            (proposal.Mayor.Email, proposal.Liaison.Email, proposal.Billing.Email, proposal.BillingAddress, proposal.Population));

        // A second re-application while the first waits is told one is in progress, and nothing more is stored.
        var again = await portal.Client().SubmitFormAsync("/join", Reapplication(city));
        Assert.Contains(again.Errors, e => e.Contains("already has an application in progress", StringComparison.Ordinal));
        Assert.Equal(1, await portal.WithDbAsync(db => db.MembershipProposals.CountAsync(p => p.MembershipId == city.MembershipId)));
    }

    [Fact]
    public async Task Staff_see_current_and_proposed_side_by_side_and_approving_applies_every_detail_and_links_the_applicant()
    {
        var city = await CityAsync(portal, MembershipStatus.Lapsed);
        var form = Reapplication(city);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Client().SubmitFormAsync("/join", form)).Status);
        var staff = await portal.SignedInStaffAsync("Sam Staff");

        var list = await staff.GetAsync("/staff/applications");
        var detail = await staff.GetAsync($"/staff/applications/{city.MembershipId}");

        Assert.Contains(list.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(city.Name, StringComparison.Ordinal) && r.QuerySelector("[data-testid=reapplied]") is not null);
        var rows = detail.Document.QuerySelectorAll("[data-testid=side-by-side] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => (Current: r.QuerySelector("[data-testid=current]")!.TextContent, Proposed: r.QuerySelector("[data-testid=proposed]")!.TextContent));
        Assert.Equal(("1 Main Street\nTestville, CO 80000", "500 New Street\nTestville, CO 80001"), rows["Billing address"]);
        Assert.Contains("billing-", rows["Billing contact"].Current, StringComparison.Ordinal);
        Assert.Contains(form["Input.BillingEmail"]!, rows["Billing contact"].Proposed, StringComparison.Ordinal);
        Assert.Contains(form["Input.MayorEmail"]!, rows["Chief elected official"].Proposed, StringComparison.Ordinal);
        Assert.Equal("Lapsed", detail.One("[data-testid=status]")?.TextContent);

        var approved = await staff.SubmitAsync(detail, new Dictionary<string, string?>(), "form:has([data-testid=approve-proposal])");

        Assert.True(approved.Status == HttpStatusCode.Redirect, string.Join(" ", approved.Errors));
        var g = await GovernmentAsync(city);
        Assert.Equal((form["Input.MayorEmail"], form["Input.LiaisonEmail"], form["Input.BillingEmail"], "500 New Street\nTestville, CO 80001", 131_000, "Pat Proposed"),
            (g.Mayor.Email, g.Liaison.Email, g.Billing.Email, g.BillingAddress, g.Population, g.Mayor.Name));
        var membership = await portal.WithDbAsync(db => db.Memberships.AsNoTracking().Include(m => m.History).SingleAsync(m => m.Id == city.MembershipId));
        Assert.Equal(MembershipStatus.Invoiced, membership.Status);
        var applicant = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == form["Input.ApplicantEmail"]));
        Assert.Equal(applicant.Id, membership.ApplicantUserId);
        Assert.Equal(city.GovernmentId, applicant.GovernmentId);
        Assert.Equal([MembershipStatus.Applied, MembershipStatus.Approved, MembershipStatus.Invoiced],
            membership.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).TakeLast(3).Select(h => h.To));
        Assert.Equal(ProposalStatus.Approved, await portal.WithDbAsync(db => db.MembershipProposals.Where(p => p.MembershipId == city.MembershipId).Select(p => p.Status).SingleAsync()));
        await portal.Mail.WaitForAsync(form["Input.ApplicantEmail"]!, "is approved for membership");
    }

    [Fact]
    public async Task The_applicant_sees_only_their_own_application_not_the_old_membership()
    {
        var city = await CityAsync(portal, MembershipStatus.Lapsed);
        var form = Reapplication(city);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Client().SubmitFormAsync("/join", form)).Status);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == form["Input.ApplicantEmail"]).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));
        var applicant = portal.Client();
        await applicant.SignInAsync(form["Input.ApplicantEmail"]!, PortalFixture.Password);

        var page = await applicant.GetAsync("/account");

        Assert.Contains($"Your application for {form["Input.Name"]}, CO", page.One("[data-testid=own-application]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Under review", page.One("[data-testid=application-status]")?.TextContent);
        Assert.Null(page.One("[data-testid=membership-history]"));
        Assert.Null(page.One("[data-testid=membership-status]"));
        Assert.DoesNotContain("Seeded", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lapsed", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paying_an_invoice_from_before_the_reapplication_still_brings_the_city_back_and_the_reapplication_can_then_only_be_rejected()
    {
        var member = await Workflow.ApplyAndApproveAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Id == member.MembershipId);
            m.MoveTo(MembershipStatus.Grace, null, "Dues lifecycle", "Unpaid", portal.Clock.GetUtcNow().UtcDateTime);
            m.MoveTo(MembershipStatus.Lapsed, null, "Dues lifecycle", "Unpaid", portal.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var name = member.Form["Input.Name"]!;
        var reapplication = Applications.Valid(cityName: name, state: "CO");
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Client().SubmitFormAsync("/join", reapplication)).Status);
        var invoiceId = await portal.WithDbAsync(db => db.Invoices.Where(i => i.MembershipId == member.MembershipId).Select(i => i.Id).SingleAsync());
        // The worker marks the invoice Sent (a new version) after emailing it; pay the version staff then see.
        await Pages.Staff.Invoices.InvoiceSeeds.WaitUntilSentAsync(portal, invoiceId);
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Payments).SingleAsync(i => i.Id == invoiceId));

        var paid = await member.Staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>
        {
            ["Input.Amount"] = invoice.Balance.ToString("0.00", CultureInfo.InvariantCulture),
            ["Input.ReceivedOn"] = portal.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Method"] = "Check",
            ["Input.Reference"] = "Check 2040",
        }, "form[data-testid=pay]");

        Assert.True(paid.Status == HttpStatusCode.Redirect, string.Join(" ", paid.Errors));
        Assert.Equal(MembershipStatus.Active, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == member.MembershipId).Select(m => m.Status).SingleAsync()));
        var detail = await member.Staff.GetAsync($"/staff/applications/{member.MembershipId}");
        var refused = await member.Staff.SubmitAsync(detail, new Dictionary<string, string?>(), "form:has([data-testid=approve-proposal])");
        Assert.Contains(refused.Errors, e => e.Contains("is Active again", StringComparison.Ordinal));
        Assert.Equal(member.Form["Input.MayorEmail"], (await GovernmentAsync(member.MembershipId)).Mayor.Email);

        var rejected = await member.Staff.SubmitAsync(refused, new Dictionary<string, string?> { ["Input.Reason"] = "The city renewed its membership." }, "form:has([data-testid=reject-proposal])");
        Assert.True(rejected.Status == HttpStatusCode.Redirect, string.Join(" ", rejected.Errors));
        Assert.Equal(ProposalStatus.Rejected, await portal.WithDbAsync(db => db.MembershipProposals.Where(p => p.MembershipId == member.MembershipId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(MembershipStatus.Active, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == member.MembershipId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(member.Form["Input.MayorEmail"], (await GovernmentAsync(member.MembershipId)).Mayor.Email);
        await portal.Mail.WaitForAsync(reapplication["Input.ApplicantEmail"]!, "membership application");
    }

    /// <summary>The same government (name in other case, same state) with new people, population and billing address.</summary>
    private static Dictionary<string, string?> Reapplication(City city)
    {
        var form = Applications.Valid(cityName: city.Name.ToUpperInvariant(), state: city.State, population: 131_000);
        form["Input.MayorName"] = "Pat Proposed";
        form["Input.BillingAddress"] = "500 New Street\nTestville, CO 80001";
        form["Input.ApplicantName"] = "Nora Newcomer";
        return form;
    }

    private Task<Government> GovernmentAsync(City city) =>
        portal.WithDbAsync(db => db.Governments.AsNoTracking().SingleAsync(g => g.Id == city.GovernmentId));

    private Task<Government> GovernmentAsync(int membershipId) =>
        portal.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.Id == membershipId).Select(m => m.Government).SingleAsync());

    private Task<int> HistoryCountAsync(City city) =>
        portal.WithDbAsync(db => db.MembershipStatusChanges.CountAsync(h => h.MembershipId == city.MembershipId));
}

public sealed class ReapplyingTests_Sqlite(SqlitePortal portal) : ReapplyingTests(portal), IClassFixture<SqlitePortal>;

public sealed class ReapplyingTests_Postgres(PostgresPortal portal) : ReapplyingTests(portal), IClassFixture<PostgresPortal>;

public sealed class ReapplyingTests_SqlServer(SqlServerPortal portal) : ReapplyingTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Staff.Applications.ApplicationsUnderReview;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>Staff approve an application: recorded, linked, emailed, and visible to the applicant.</summary>
public abstract class ApprovingTests(PortalFixture portal)
{
    [Fact]
    public async Task Approving_records_who_did_it_links_the_applicant_to_the_city_and_emails_the_applicant_with_the_mayor_in_copy()
    {
        var application = await ApplyAsync(portal);
        var reviewer = $"Riley Reviewer {Guid.NewGuid().ToString("N")[..6]}";
        var staff = await portal.SignedInStaffAsync(reviewer);

        var posted = await ApproveAsync(staff, await staff.GetAsync(application.DetailUrl));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var page = await staff.GetAsync(posted.Location!);
        Assert.Contains("Approved: the applicant has been emailed.", page.Text, StringComparison.Ordinal);
        // Approval issues the first invoice in the same step, so the membership is now Invoiced.
        Assert.Equal("Invoiced", page.One("[data-testid=status]")!.TextContent);
        var invoiced = History(page)[0];
        Assert.Equal(("Approved", "Invoiced", reviewer), (invoiced.From, invoiced.To, invoiced.By));
        Assert.StartsWith("Invoice ", invoiced.Why, StringComparison.Ordinal);
        Assert.Equal(("Applied", "Approved", reviewer, "Application approved"), History(page)[1]);
        Assert.Null(page.One("[data-testid=approve]"));
        Assert.Null(page.One("[data-testid=reject]"));

        var stored = await portal.WithDbAsync(db => db.Memberships.Include(m => m.History).SingleAsync(m => m.Id == application.MembershipId));
        Assert.Equal(MembershipStatus.Invoiced, stored.Status);
        Assert.NotNull(stored.MemberSinceUtc);
        var decision = Assert.Single(stored.History, h => h.To == MembershipStatus.Approved);
        Assert.Equal(reviewer, decision.ByName);
        Assert.Equal(MembershipStatus.Applied, decision.From);
        var staffId = await portal.WithDbAsync(db => db.Users.Where(u => u.FullName == reviewer).Select(u => u.Id).SingleAsync());
        Assert.Equal(staffId, decision.ByUserId);
        var applicant = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == application.ApplicantEmail));
        Assert.Equal(application.GovernmentId, applicant.GovernmentId);

        var mail = await portal.Mail.WaitForAsync(application.ApplicantEmail, "approved");
        Assert.Equal($"{application.Name} is approved for membership", mail.Subject);
        Assert.Equal([application.ApplicantEmail], mail.To);
        Assert.Equal([application.MayorEmail], mail.Cc);
        Assert.Contains("Dear Casey Clerk", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{application.Name}, CO has been approved for membership", mail.Text, StringComparison.Ordinal);
        Assert.Equal("/account", new Uri(mail.Link("/account")).AbsolutePath);
    }

    [Fact]
    public async Task After_approval_the_applicant_confirms_their_email_signs_in_and_sees_approved_with_the_history()
    {
        var application = await ApplyAsync(portal);
        var reviewer = $"Morgan Staff {Guid.NewGuid().ToString("N")[..6]}";
        var staff = await portal.SignedInStaffAsync(reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(staff, await staff.GetAsync(application.DetailUrl))).Status);

        var applicant = portal.Client();
        var received = await portal.Mail.WaitForAsync(application.ApplicantEmail, "membership application");
        var confirmed = await applicant.GetAsync(new Uri(received.Link("/account/confirmemail")).PathAndQuery);
        Assert.Contains("Email address confirmed", confirmed.Text, StringComparison.Ordinal);
        await applicant.SignInAsync(application.ApplicantEmail, PortalFixture.Password);

        var home = await applicant.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("Invoiced", home.One("[data-testid=membership-status]")!.TextContent);
        Assert.Contains($"{application.Name}, CO", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("once the application is approved", home.Text, StringComparison.Ordinal);
        var history = History(home, "[data-testid=membership-history]");
        Assert.Equal(3, history.Count);
        Assert.Equal(("", "Invoiced", reviewer), (history[0].From, history[0].To, history[0].By));
        Assert.Equal(("", "Approved", reviewer, "Application approved"), history[1]);
        Assert.Equal(("", "Applied", "Casey Clerk", "Application submitted"), history[2]);
    }

    [Fact]
    public async Task An_application_approved_already_cannot_be_approved_again()
    {
        var application = await ApplyAsync(portal);
        var staff = await portal.SignedInStaffAsync();
        var detail = await staff.GetAsync(application.DetailUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(staff, detail)).Status);

        // The same form, sent again (a double click, or the back button).
        var again = await ApproveAsync(staff, detail);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("changed by someone else", again.One("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.MembershipStatusChanges.CountAsync(h => h.MembershipId == application.MembershipId && h.To == MembershipStatus.Approved)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(o => o.To == application.ApplicantEmail && o.Subject.Contains("approved"))));
    }
}

public sealed class ApprovingTests_Sqlite(SqlitePortal portal) : ApprovingTests(portal), IClassFixture<SqlitePortal>;

public sealed class ApprovingTests_Postgres(PostgresPortal portal) : ApprovingTests(portal), IClassFixture<PostgresPortal>;

public sealed class ApprovingTests_SqlServer(SqlServerPortal portal) : ApprovingTests(portal), IClassFixture<SqlServerPortal>;

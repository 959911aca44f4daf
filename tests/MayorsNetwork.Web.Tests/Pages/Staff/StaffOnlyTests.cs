using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Pages.Staff.Applications;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Staff;

/// <summary>The staff pages are for staff: applicants are refused, anonymous visitors are sent to sign in.</summary>
public abstract class StaffOnlyTests(PortalFixture portal)
{
    public static TheoryData<string> StaffPages => new()
    {
        "/staff/applications",
        "/staff/applications?status=all",
        "/staff/applications/1",
        "/staff/dues",
        "/staff/dues/create",
    };

    /// <summary>An applicant who applied through /join, confirmed the email and signed in.</summary>
    private async Task<(PortalClient Client, JoinedApplication Application)> SignedInApplicantAsync()
    {
        var application = await ApplicationsUnderReview.ApplyAsync(portal);
        var client = portal.Client();
        var mail = await portal.Mail.WaitForAsync(application.ApplicantEmail, "membership application");
        await client.GetAsync(new Uri(mail.Link("/account/confirmemail")).PathAndQuery);
        await client.SignInAsync(application.ApplicantEmail, PortalFixture.Password);
        return (client, application);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_signed_in_applicant_is_not_allowed_on_a_staff_page(string url)
    {
        var (applicant, _) = await SignedInApplicantAsync();

        // Whether refused in place or sent to the access-denied page, what they end up seeing is a 403.
        var page = await applicant.GetFollowingAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Not allowed", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Membership applications", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        var page = await portal.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var target = new Uri(new Uri("https://localhost"), page.Location!);
        Assert.Equal("/account/login", target.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(url.Split('?')[0]), target.Query, StringComparison.OrdinalIgnoreCase);
        var login = await portal.Client().GetAsync(target.PathAndQuery);
        Assert.NotNull(login.One("input[name='Input.Password']"));
    }

    [Fact]
    public async Task An_applicant_posting_an_approval_is_refused_and_nothing_changes()
    {
        var (applicant, own) = await SignedInApplicantAsync();
        var version = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == own.MembershipId).Select(m => m.Version).SingleAsync());
        // A valid antiforgery token of the applicant's own session, from a page they may open.
        var form = await applicant.GetAsync("/account");
        var token = form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var posted = await applicant.PostAsync($"{own.DetailUrl}?handler=Approve", [new("__RequestVerificationToken", token), new("Input.Version", version.ToString())]);

        var shown = posted.Location is { } next ? await applicant.GetAsync(next) : posted;
        Assert.Equal(HttpStatusCode.Forbidden, shown.Status);
        Assert.Contains("Not allowed", shown.Text, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.Memberships.Include(m => m.History).SingleAsync(m => m.Id == own.MembershipId));
        Assert.Equal(MembershipStatus.Applied, stored.Status);
        Assert.Single(stored.History);
        Assert.Null(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == own.ApplicantEmail).Select(u => u.GovernmentId).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_may_open_the_staff_pages()
    {
        var admin = await portal.SignedInStaffAsync("Ada Admin", Roles.Admin);

        var page = await admin.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.Text, StringComparison.Ordinal);
    }
}

public sealed class StaffOnlyTests_Sqlite(SqlitePortal portal) : StaffOnlyTests(portal), IClassFixture<SqlitePortal>;

public sealed class StaffOnlyTests_Postgres(PostgresPortal portal) : StaffOnlyTests(portal), IClassFixture<PostgresPortal>;

public sealed class StaffOnlyTests_SqlServer(SqlServerPortal portal) : StaffOnlyTests(portal), IClassFixture<SqlServerPortal>;

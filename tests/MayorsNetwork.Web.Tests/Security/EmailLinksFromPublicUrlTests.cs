using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Pages.Staff.Applications;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Issue 11, defect 1: every page that sends email, posted with a forged <c>Host: evil.example</c>, queues emails whose
/// links all start with <c>Membership:PublicUrl</c> (https://members.mayors.example here, which is not the client's
/// https://localhost either). Before the fix the reset link named the forged host and handed its token to it.
/// </summary>
public abstract class EmailLinksFromPublicUrlTests(PortalFixture portal)
{
    private const string Forged = "evil.example";
    private const string PublicUrl = PublicUrlPortals.PublicUrl;

    [Fact]
    public async Task Applying_with_a_forged_host_emails_the_confirmation_link_on_the_public_address()
    {
        var form = Applications.Valid();
        var posted = await Forging(portal.Client()).SubmitFormAsync("/join", form);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var mail = Assert.Single(await MessagesToAsync(form["Input.ApplicantEmail"]!));
        var href = Assert.Single(EmailLinks.AssertOnlyTo(mail, PublicUrl));
        Assert.StartsWith($"{PublicUrl}/account/confirmemail?", href, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_asked_with_a_forged_host_links_to_the_public_address_and_the_link_works()
    {
        var email = await TestAccounts.CreateAsync(portal, "Hal Hostile");
        var client = Forging(portal.Client());

        var asked = await client.SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        var mail = Assert.Single(await MessagesToAsync(email));
        var href = Assert.Single(EmailLinks.AssertOnlyTo(mail, PublicUrl));
        Assert.StartsWith($"{PublicUrl}/account/resetpassword?", href, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        // The path and query are the portal's own: opened on the portal, the reset form is there with the address filled in.
        var page = await portal.Client().GetAsync(new Uri(href).PathAndQuery);
        Assert.Equal(email, page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")?.Value);
    }

    [Fact]
    public async Task A_new_confirmation_link_asked_with_a_forged_host_is_on_the_public_address()
    {
        var email = await TestAccounts.CreateAsync(portal, "Una Unconfirmed", confirmed: false);

        await Forging(portal.Client()).SubmitFormAsync("/account/resendconfirmation", new Dictionary<string, string?> { ["Input.Email"] = email });

        var mail = Assert.Single(await MessagesToAsync(email));
        Assert.StartsWith($"{PublicUrl}/account/confirmemail?", Assert.Single(EmailLinks.AssertOnlyTo(mail, PublicUrl)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_deciding_with_a_forged_host_send_approval_rejection_and_invoice_emails_linking_only_to_the_public_address()
    {
        var approvedOne = await ApplicationsUnderReview.ApplyAsync(portal);
        var rejectedOne = await ApplicationsUnderReview.ApplyAsync(portal);
        var staff = Forging(await portal.SignedInStaffAsync());

        var approved = await ApplicationsUnderReview.ApproveAsync(staff, await staff.GetAsync(approvedOne.DetailUrl));
        var rejected = await ApplicationsUnderReview.RejectAsync(staff, await staff.GetAsync(rejectedOne.DetailUrl), "Outside our region.");

        Assert.True(approved.Status == HttpStatusCode.Redirect, string.Join(" ", approved.Errors));
        Assert.True(rejected.Status == HttpStatusCode.Redirect, string.Join(" ", rejected.Errors));
        var approval = Assert.Single(await MessagesToAsync(approvedOne.ApplicantEmail), m => m.Topic.StartsWith("Application approved", StringComparison.Ordinal));
        Assert.Equal([$"{PublicUrl}/account"], EmailLinks.AssertOnlyTo(approval, PublicUrl));
        var invoice = Assert.Single(await MessagesToAsync(approvedOne.Form["Input.BillingEmail"]!));
        Assert.Equal([$"{PublicUrl}/account/invoices"], EmailLinks.AssertOnlyTo(invoice, PublicUrl));
        var rejection = Assert.Single(await MessagesToAsync(rejectedOne.ApplicantEmail), m => m.Topic.StartsWith("Application rejected", StringComparison.Ordinal));
        Assert.Empty(EmailLinks.AssertOnlyTo(rejection, PublicUrl));

        // "Send the invoice again", also with the forged host.
        var invoiceId = await portal.WithDbAsync(db => db.Invoices.Where(i => i.MembershipId == approvedOne.MembershipId).Select(i => i.Id).SingleAsync());
        var resent = await staff.SubmitFormAsync($"/staff/invoices/{invoiceId}", new Dictionary<string, string?>(), "form[data-testid=resend]");
        Assert.True(resent.Status == HttpStatusCode.Redirect, string.Join(" ", resent.Errors));
        var both = await MessagesToAsync(approvedOne.Form["Input.BillingEmail"]!);
        Assert.Equal(2, both.Count);
        Assert.All(both, m => Assert.Equal([$"{PublicUrl}/account/invoices"], EmailLinks.AssertOnlyTo(m, PublicUrl)));
    }

    [Fact]
    public async Task A_resolution_submitted_with_a_forged_host_invites_its_cosponsor_with_a_link_on_the_public_address()
    {
        var city = await CityAsync(portal);
        var cosponsor = await CityAsync(portal, state: "AZ");
        var meeting = await MeetingAsync(portal);
        var mayor = Forging(await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId));

        var result = await SubmitAsync(mayor, meeting.Id, $"On Forged Hosts {Token()}", "Text.", cosponsor.MembershipId);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var invitation = Assert.Single(await MessagesToAsync(await MayorEmailAsync(portal, cosponsor)));
        Assert.Equal([$"{PublicUrl}{result.Location}"], EmailLinks.AssertOnlyTo(invitation, PublicUrl));
    }

    /// <summary>From now on every request of this client names the forged host (its cookies stay those of the real one).</summary>
    private static PortalClient Forging(PortalClient client)
    {
        client.Http.DefaultRequestHeaders.Host = Forged;
        return client;
    }

    private Task<List<OutboxMessage>> MessagesToAsync(string address) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.Contains(address)).OrderBy(m => m.Id).ToListAsync());
}

public sealed class EmailLinksFromPublicUrlTests_Sqlite(PublicUrlSqlitePortal portal) : EmailLinksFromPublicUrlTests(portal), IClassFixture<PublicUrlSqlitePortal>;

public sealed class EmailLinksFromPublicUrlTests_Postgres(PublicUrlPostgresPortal portal) : EmailLinksFromPublicUrlTests(portal), IClassFixture<PublicUrlPostgresPortal>;

public sealed class EmailLinksFromPublicUrlTests_SqlServer(PublicUrlSqlServerPortal portal) : EmailLinksFromPublicUrlTests(portal), IClassFixture<PublicUrlSqlServerPortal>;

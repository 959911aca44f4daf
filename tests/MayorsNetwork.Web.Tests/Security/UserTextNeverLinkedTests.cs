using System.Net;
using AngleSharp;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Pages.Staff.Applications;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Issue 11, defect 7: what users type (a government's name, a person's name, a resolution's title, a rejection's
/// reason) is HTML-encoded text in our emails and never becomes a link. Each email kind has exactly the &lt;a&gt; tags
/// we put there, all on <c>Membership:PublicUrl</c>. Before the fix everything after "http" in a paragraph was linked.
/// </summary>
public abstract class UserTextNeverLinkedTests(PortalFixture portal)
{
    private const string PublicUrl = PublicUrlPortals.PublicUrl;
    private const string Bait = "http://evil.example/verify";

    [Fact]
    public async Task A_government_named_with_an_address_gets_only_our_links_in_its_application_approval_invoice_and_reminder_emails()
    {
        var form = Applications.Valid(cityName: $"Springfield {Token()} {Bait}");
        form["Input.ApplicantName"] = $"Casey {Bait}";
        form["Input.BillingName"] = $"Finance https://evil.example/pay";
        var application = await ApplicationsUnderReview.ApplyAsync(portal, form);
        var staff = await portal.SignedInStaffAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await ApplicationsUnderReview.ApproveAsync(staff, await staff.GetAsync(application.DetailUrl))).Status);

        var toApplicant = await MessagesToAsync(application.ApplicantEmail);
        var received = Assert.Single(toApplicant, m => m.Topic.StartsWith("Application received", StringComparison.Ordinal));
        var approved = Assert.Single(toApplicant, m => m.Topic.StartsWith("Application approved", StringComparison.Ordinal));
        var invoiceMail = Assert.Single(await MessagesToAsync(form["Input.BillingEmail"]!));
        AssertAnchors(received, $"{PublicUrl}/account/confirmemail?");
        AssertAnchors(approved, $"{PublicUrl}/account");
        AssertAnchors(invoiceMail, $"{PublicUrl}/account/invoices");
        foreach (var mail in new[] { received, approved, invoiceMail })
            Assert.Contains(form["Input.Name"]!, BodyText(mail.HtmlBody), StringComparison.Ordinal);
        Assert.Contains($"Dear Casey {Bait},", BodyText(received.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("Dear Finance https://evil.example/pay,", BodyText(invoiceMail.HtmlBody), StringComparison.Ordinal);

        // The reminders (sent by the daily job) are built the same way.
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == application.MembershipId));
        await portal.WithScopeAsync(sp =>
        {
            var emails = sp.GetRequiredService<MembershipEmails>();
            foreach (var kind in Enum.GetValues<ReminderKind>())
            {
                var reminder = emails.InvoiceReminder(invoice, kind);
                Assert.Equal([$"{PublicUrl}/account/invoices"], EmailLinks.Anchors(reminder.Html));
                Assert.Contains(form["Input.Name"]!, BodyText(reminder.Html), StringComparison.Ordinal);
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_rejection_reason_with_an_address_stays_text_and_the_email_has_no_link()
    {
        var application = await ApplicationsUnderReview.ApplyAsync(portal);
        var staff = await portal.SignedInStaffAsync();

        var rejected = await ApplicationsUnderReview.RejectAsync(staff, await staff.GetAsync(application.DetailUrl), $"Appeal at {Bait} <b>now</b>");

        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        var mail = Assert.Single(await MessagesToAsync(application.ApplicantEmail), m => m.Topic.StartsWith("Application rejected", StringComparison.Ordinal));
        Assert.Empty(EmailLinks.Anchors(mail.HtmlBody));
        Assert.Contains($"The reason given: Appeal at {Bait} <b>now</b>", BodyText(mail.HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolution_titled_with_an_address_invites_its_cosponsor_with_our_one_link()
    {
        var city = await CityAsync(portal, name: $"Sponsorville {Token()} {Bait}");
        var cosponsor = await CityAsync(portal, state: "AZ");
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);
        var title = $"Clean Water {Token()} {Bait}";

        var result = await SubmitAsync(mayor, meeting.Id, title, "Text.", cosponsor.MembershipId);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var invitation = Assert.Single(await MessagesToAsync(await MayorEmailAsync(portal, cosponsor)));
        AssertAnchors(invitation, $"{PublicUrl}{result.Location}");
        Assert.Contains(title, BodyText(invitation.HtmlBody), StringComparison.Ordinal);
        Assert.Contains(city.Name, BodyText(invitation.HtmlBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_named_with_an_address_gets_only_our_link_in_reset_and_confirmation_emails()
    {
        var confirmed = await TestAccounts.CreateAsync(portal, $"Dana {Bait}");
        var unconfirmed = await TestAccounts.CreateAsync(portal, $"Ulla {Bait}", confirmed: false);

        await portal.Client().SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = confirmed });
        await portal.Client().SubmitFormAsync("/account/resendconfirmation", new Dictionary<string, string?> { ["Input.Email"] = unconfirmed });

        var reset = Assert.Single(await MessagesToAsync(confirmed));
        var confirmation = Assert.Single(await MessagesToAsync(unconfirmed));
        AssertAnchors(reset, $"{PublicUrl}/account/resetpassword?");
        AssertAnchors(confirmation, $"{PublicUrl}/account/confirmemail?");
        Assert.Contains($"Dear Dana {Bait},", BodyText(reset.HtmlBody), StringComparison.Ordinal);
    }

    /// <summary>Exactly one &lt;a&gt;, ours: its href is (or starts with, for links with a token) the expected address.</summary>
    private static void AssertAnchors(OutboxMessage mail, string expected)
    {
        var href = Assert.Single(EmailLinks.Anchors(mail.HtmlBody));
        if (expected.EndsWith('?')) Assert.StartsWith(expected, href, StringComparison.Ordinal);
        else Assert.Equal(expected, href);
        Assert.DoesNotContain("evil.example", href, StringComparison.Ordinal);
    }

    private static string BodyText(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)).GetAwaiter().GetResult().Body!.TextContent;

    private Task<List<OutboxMessage>> MessagesToAsync(string address) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.Contains(address)).OrderBy(m => m.Id).ToListAsync());
}

public sealed class UserTextNeverLinkedTests_Sqlite(PublicUrlSqlitePortal portal) : UserTextNeverLinkedTests(portal), IClassFixture<PublicUrlSqlitePortal>;

public sealed class UserTextNeverLinkedTests_Postgres(PublicUrlPostgresPortal portal) : UserTextNeverLinkedTests(portal), IClassFixture<PublicUrlPostgresPortal>;

public sealed class UserTextNeverLinkedTests_SqlServer(PublicUrlSqlServerPortal portal) : UserTextNeverLinkedTests(portal), IClassFixture<PublicUrlSqlServerPortal>;

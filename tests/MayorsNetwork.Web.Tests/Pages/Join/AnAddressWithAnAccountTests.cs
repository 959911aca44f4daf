using System.Net;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Join;

/// <summary>
/// Issue 11, defect 8: /join used to answer "an account with this email address already exists", which told any
/// visitor who has an account. Now it answers exactly as for a new address (same redirect, same page apart from the
/// names typed), creates nothing, and the address's owner is emailed instead, with links on Membership:PublicUrl.
/// </summary>
public abstract class AnAddressWithAnAccountTests(PortalFixture portal)
{
    private const string PublicUrl = PublicUrlPortals.PublicUrl;

    [Theory]
    [InlineData(true, "/account/forgotpassword")]
    [InlineData(false, "/account/resendconfirmation")]
    public async Task Applying_with_an_address_that_has_an_account_answers_as_for_a_new_one_creates_nothing_and_emails_the_owner(bool confirmed, string recoverPath)
    {
        var taken = await TestAccounts.CreateAsync(portal, "Olive Owner", confirmed);
        var fresh = $"fresh-{Guid.NewGuid():N}@city.example.gov";
        var newForm = Applications.Valid(applicantEmail: fresh);
        var knownForm = Applications.Valid(applicantEmail: taken);
        var usersBefore = await portal.WithDbAsync(db => db.Users.CountAsync());

        var (newClient, knownClient) = (portal.Client(), portal.Client());
        var newAnswer = await newClient.SubmitFormAsync("/join", newForm);
        var knownAnswer = await knownClient.SubmitFormAsync("/join", knownForm);

        Assert.True(newAnswer.Status == HttpStatusCode.Redirect, string.Join(" ", newAnswer.Errors));
        Assert.Equal(newAnswer.Status, knownAnswer.Status);
        Assert.Equal(newAnswer.Location, knownAnswer.Location);
        var newPage = await newClient.GetAsync(newAnswer.Location!);
        var knownPage = await knownClient.GetAsync(knownAnswer.Location!);
        Assert.Equal(newPage.Status, knownPage.Status);
        Assert.Contains(taken, knownPage.Text, StringComparison.Ordinal);
        Assert.Equal(Anonymised(newPage.Text, newForm), Anonymised(knownPage.Text, knownForm));
        Assert.Equal(Anonymised(newPage.One("h1")?.TextContent ?? "", newForm), Anonymised(knownPage.One("h1")?.TextContent ?? "", knownForm));

        // Only the new address got an account and an application.
        Assert.Equal(usersBefore + 1, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.True(await portal.WithDbAsync(db => db.Governments.AnyAsync(g => g.Name == newForm["Input.Name"])));
        Assert.False(await portal.WithDbAsync(db => db.Governments.AnyAsync(g => g.Name == knownForm["Input.Name"])));
        Assert.False(await portal.WithDbAsync(db => db.MembershipProposals.AnyAsync(p => p.Name == knownForm["Input.Name"])));
        Assert.Equal("Olive Owner", (await TestAccounts.FindAsync(portal, taken)).FullName);

        // The owner is told, with links to sign in and to recover the account, all on the public address.
        var notice = Assert.Single(await MessagesToAsync(taken), m => m.Topic == MembershipApplications.SignUpWithYourAddressTopic);
        var hrefs = EmailLinks.AssertOnlyTo(notice, PublicUrl);
        Assert.Equal([$"{PublicUrl}/account/login", $"{PublicUrl}{recoverPath}"], hrefs);
        Assert.DoesNotContain(knownForm["Input.Name"]!, notice.TextBody, StringComparison.Ordinal);
        var mail = await portal.Mail.WaitForAsync(taken, "Someone tried to sign up");
        Assert.Contains("Dear Olive Owner", mail.Text, StringComparison.Ordinal);
        Assert.Contains("No new account or application was made", mail.Text, StringComparison.Ordinal);
        Assert.Empty(await MessagesToAsync(taken, m => m.Topic.StartsWith("Application received")));
    }

    [Fact]
    public async Task Applying_again_and_again_with_a_known_address_emails_its_owner_once_an_hour()
    {
        var taken = await TestAccounts.CreateAsync(portal, "Rita Repeat");

        for (var i = 0; i < 3; i++)
        {
            var answer = await portal.Client().SubmitFormAsync("/join", Applications.Valid(applicantEmail: taken));
            Assert.True(answer.Status == HttpStatusCode.Redirect, string.Join(" ", answer.Errors));
        }

        Assert.Single(await MessagesToAsync(taken, m => m.Topic == MembershipApplications.SignUpWithYourAddressTopic));
    }

    [Fact]
    public async Task A_password_the_portal_refuses_is_refused_the_same_way_for_a_known_address()
    {
        var taken = await TestAccounts.CreateAsync(portal, "Paul Password");
        var weak = "password1234";
        var known = Applications.Valid(applicantEmail: taken);
        var fresh = Applications.Valid();
        foreach (var form in new[] { known, fresh }) form["Input.Password"] = form["Input.ConfirmPassword"] = weak;

        var knownAnswer = await portal.Client().SubmitFormAsync("/join", known);
        var freshAnswer = await portal.Client().SubmitFormAsync("/join", fresh);

        Assert.Equal(HttpStatusCode.OK, freshAnswer.Status);
        Assert.NotEmpty(freshAnswer.Errors);
        Assert.Equal(freshAnswer.Status, knownAnswer.Status);
        Assert.Equal(freshAnswer.Errors, knownAnswer.Errors);
        Assert.Empty(await MessagesToAsync(taken, m => m.Topic == MembershipApplications.SignUpWithYourAddressTopic));
    }

    /// <summary>The page's text with what the visitor typed (the government's name, state and the address) taken out.</summary>
    private static string Anonymised(string text, Dictionary<string, string?> form) =>
        text.Replace(form["Input.Name"]!, "{government}", StringComparison.Ordinal)
            .Replace(form["Input.ApplicantEmail"]!, "{email}", StringComparison.Ordinal);

    private Task<List<OutboxMessage>> MessagesToAsync(string address, Func<OutboxMessage, bool>? where = null) =>
        portal.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync())
            .Where(where ?? (_ => true)).ToList());
}

public sealed class AnAddressWithAnAccountTests_Sqlite(PublicUrlSqlitePortal portal) : AnAddressWithAnAccountTests(portal), IClassFixture<PublicUrlSqlitePortal>;

public sealed class AnAddressWithAnAccountTests_Postgres(PublicUrlPostgresPortal portal) : AnAddressWithAnAccountTests(portal), IClassFixture<PublicUrlPostgresPortal>;

public sealed class AnAddressWithAnAccountTests_SqlServer(PublicUrlSqlServerPortal portal) : AnAddressWithAnAccountTests(portal), IClassFixture<PublicUrlSqlServerPortal>;

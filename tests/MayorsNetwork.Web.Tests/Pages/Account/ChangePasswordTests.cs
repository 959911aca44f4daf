using System.Net;
using System.Text.RegularExpressions;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Issue 11, defect 4: /account/changepassword needs the current password, signs the account out everywhere else
/// (a new security stamp, checked within five minutes) and emails the owner; password reset and turning two-step
/// verification off email the owner too; /account/security gathers it all. Each class has a portal of its own,
/// because a test moves its clock forward past the security stamp check. On each database.
/// </summary>
public abstract partial class ChangePasswordTests(PortalFixture portal)
{
    private const string NewPassword = "a brand new passphrase for the portal";

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_a_wrong_one_changes_nothing()
    {
        var email = await TestAccounts.CreateAsync(portal, "Wes Wrong");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var refused = await client.SubmitFormAsync("/account/changepassword", Change("not my current password", NewPassword));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("That is not your current password.", refused.Errors);
        Assert.True(await PasswordIsAsync(email, PortalFixture.Password));
        Assert.Equal(1, (await TestAccounts.FindAsync(portal, email)).AccessFailedCount);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_and_emails_the_owner()
    {
        var email = await TestAccounts.CreateAsync(portal, "Cora Change");
        var here = portal.Client();
        var elsewhere = portal.Client();
        await here.SignInAsync(email, PortalFixture.Password);
        await elsewhere.SignInAsync(email, PortalFixture.Password);

        var changed = await here.SubmitFormAsync("/account/changepassword", Change(PortalFixture.Password, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Contains("Your password is changed.", (await here.GetAsync(changed.Location!)).Text, StringComparison.Ordinal);
        Assert.True(await PasswordIsAsync(email, NewPassword));
        // Past the security stamp check (five minutes) the other session is signed out; this one is not.
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        var other = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, other.Status);
        Assert.Contains("/account/login", other.Location, StringComparison.Ordinal);
        Assert.Contains("Welcome, Cora Change", (await here.GetAsync("/account")).Text, StringComparison.Ordinal);

        var mail = await portal.Mail.WaitForAsync(email, "password was changed");
        Assert.Contains("was changed on", mail.Text, StringComparison.Ordinal);
        AssertLinksOnlyToThePortal(mail);
    }

    [Fact]
    public async Task Signing_out_every_other_device_ends_the_other_sessions()
    {
        var email = await TestAccounts.CreateAsync(portal, "Sid Sessions");
        var here = portal.Client();
        var elsewhere = portal.Client();
        await here.SignInAsync(email, PortalFixture.Password);
        await elsewhere.SignInAsync(email, PortalFixture.Password);

        var page = await here.GetAsync("/account/security");
        Assert.Contains("Two-step verification is off.", page.One("[data-testid=security-two-factor]")!.TextContent, StringComparison.Ordinal);
        var done = await here.SubmitAsync(page, new Dictionary<string, string?>(), "main form");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account")).Status);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task Turning_two_step_verification_off_emails_the_owner()
    {
        var email = await TestAccounts.CreateAsync(portal, "Tia Turnoff");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        await TwoFactorTests.TurnOnAsync(client);

        await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = PortalFixture.Password });

        var mail = await portal.Mail.WaitForAsync(email, "Two-step verification is off");
        Assert.Contains("Dear Tia Turnoff", mail.Text, StringComparison.Ordinal);
        AssertLinksOnlyToThePortal(mail);
    }

    [Fact]
    public async Task A_password_reset_emails_the_owner()
    {
        var email = await TestAccounts.CreateAsync(portal, "Rhea Reset");
        var client = portal.Client();
        await client.SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Email"] = email, ["Input.Email"] = email });
        var link = (await portal.Mail.WaitForAsync(email, "Reset your")).Link("/account/resetpassword");

        var reset = await client.SubmitFormAsync(new Uri(link).PathAndQuery, new Dictionary<string, string?> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        var mail = await portal.Mail.WaitForAsync(email, "password was reset");
        Assert.Contains("was reset with a link from our email", mail.Text, StringComparison.Ordinal);
        AssertLinksOnlyToThePortal(mail);
    }

    private static Dictionary<string, string?> Change(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
    };

    /// <summary>Every link of the HTML body points to the portal's PublicUrl (the fixture's default, http://localhost:5080).</summary>
    private static void AssertLinksOnlyToThePortal(ReceivedMail mail)
    {
        var hrefs = Href().Matches(mail.Html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, hrefs.Count);
        Assert.All(hrefs, h => Assert.StartsWith("http://localhost:5080/account/", h, StringComparison.Ordinal));
    }

    private async Task<bool> PasswordIsAsync(string email, string password)
    {
        var matches = false;
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            matches = await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
        });
        return matches;
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"")]
    private static partial Regex Href();
}

public sealed class ChangePasswordTests_Sqlite(SqlitePortal portal) : ChangePasswordTests(portal), IClassFixture<SqlitePortal>;

public sealed class ChangePasswordTests_Postgres(PostgresPortal portal) : ChangePasswordTests(portal), IClassFixture<PostgresPortal>;

public sealed class ChangePasswordTests_SqlServer(SqlServerPortal portal) : ChangePasswordTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Forgotten passwords: /account/forgotpassword emails a link to /account/resetpassword. On each database.</summary>
public abstract class PasswordResetTests(PortalFixture portal)
{
    private const string Neutral = "If that address has an account, we have sent it a link to choose a new password.";
    private const string NewPassword = "a brand new phrase for the mayor";

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_that_replaces_the_old_one_and_works_only_once()
    {
        var email = await TestAccounts.CreateAsync(portal, "Rosa Reset");
        var client = portal.Client();

        var asked = await client.SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = email });

        Assert.Contains(Neutral, asked.Text, StringComparison.Ordinal);
        var mail = await portal.Mail.WaitForAsync(email, "Reset your");
        Assert.Contains("Dear Rosa Reset", mail.Text, StringComparison.Ordinal);
        var link = new Uri(mail.Link("/account/resetpassword")).PathAndQuery;

        var form = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(email, form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);

        var hashBefore = (await TestAccounts.FindAsync(portal, email)).PasswordHash;
        var tooShort = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Password"] = "elevenchars", ["Input.ConfirmPassword"] = "elevenchars" });
        Assert.Equal(HttpStatusCode.OK, tooShort.Status);
        Assert.Contains(tooShort.Errors, e => e.Contains("at least 12 characters", StringComparison.Ordinal));
        Assert.Equal(hashBefore, (await TestAccounts.FindAsync(portal, email)).PasswordHash);

        // The page kept the link's code, so the person can simply try again.
        var changed = await client.SubmitAsync(tooShort, new Dictionary<string, string?> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Contains("Your password is changed", (await client.GetAsync(changed.Location!)).Text, StringComparison.Ordinal);

        var old = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));
        Assert.Equal(["The email address or password is not right."], old.Errors);
        var fresh = portal.Client();
        await fresh.SignInAsync(email, NewPassword);
        Assert.Contains("Welcome, Rosa Reset", (await fresh.GetAsync("/account")).Text, StringComparison.Ordinal);

        // The same link a second time does nothing.
        var again = await portal.Client().SubmitFormAsync(link, new Dictionary<string, string?> { ["Input.Password"] = "yet another phrase for later", ["Input.ConfirmPassword"] = "yet another phrase for later" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.Contains("This reset link does not work", StringComparison.Ordinal));
        await portal.Client().SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_nothing_is_sent()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@city.example.gov";

        var asked = await portal.Client().SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = unknown });

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains(Neutral, asked.Text, StringComparison.Ordinal);
        Assert.Empty(asked.Errors);
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To.Contains(unknown))));
        Assert.DoesNotContain(portal.Mail.Messages(), m => m.To.Contains(unknown));
    }

    [Fact]
    public async Task A_known_address_and_an_unknown_one_read_exactly_the_same()
    {
        var email = await TestAccounts.CreateAsync(portal);

        var known = await portal.Client().SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = email });
        var unknown = await portal.Client().SubmitFormAsync("/account/forgotpassword", new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@city.example.gov" });

        Assert.Equal(known.Text, unknown.Text);
        await portal.Mail.WaitForAsync(email, "Reset your");
    }

    [Fact]
    public async Task A_link_with_a_garbled_code_changes_nothing()
    {
        var email = await TestAccounts.CreateAsync(portal);
        var hashBefore = (await TestAccounts.FindAsync(portal, email)).PasswordHash;

        var page = await portal.Client().SubmitFormAsync($"/account/resetpassword?email={Uri.EscapeDataString(email)}&code=not-a-real-code",
            new Dictionary<string, string?> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Contains(page.Errors, e => e.Contains("This reset link does not work", StringComparison.Ordinal));
        Assert.Equal(hashBefore, (await TestAccounts.FindAsync(portal, email)).PasswordHash);
    }
}

public sealed class PasswordResetTests_Sqlite(SqlitePortal portal) : PasswordResetTests(portal), IClassFixture<SqlitePortal>;

public sealed class PasswordResetTests_Postgres(PostgresPortal portal) : PasswordResetTests(portal), IClassFixture<PostgresPortal>;

public sealed class PasswordResetTests_SqlServer(SqlServerPortal portal) : PasswordResetTests(portal), IClassFixture<SqlServerPortal>;

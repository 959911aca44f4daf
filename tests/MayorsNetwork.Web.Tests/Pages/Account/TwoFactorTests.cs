using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Two-step verification with an authenticator app: turned on and off at /account/twofactor, asked for at
/// /account/loginwith2fa. Codes come from an RFC 6238 implementation of our own, as from a phone. On each database.
/// </summary>
public abstract class TwoFactorTests(PortalFixture portal)
{
    private const string WrongCode = "That code is not right.";

    [Fact]
    public async Task Turning_it_on_needs_the_current_code_from_the_app_and_shows_ten_recovery_codes()
    {
        var (email, client) = await SignedInAsync("Tomas TwoStep");

        var before = await client.GetAsync("/account/twofactor");
        Assert.Contains("Two-step verification is off.", before.One("[data-testid=two-factor-state]")!.TextContent, StringComparison.Ordinal);
        var page = await SetUpAsync(client);
        var key = page.One("[data-testid=shared-key]")!.TextContent;
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.Contains("otpauth://totp/", page.Text, StringComparison.Ordinal);

        var wrong = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(wrong.Errors, e => e.StartsWith(WrongCode, StringComparison.Ordinal));
        Assert.False((await TestAccounts.FindAsync(portal, email)).TwoFactorEnabled);
        // The same key is offered again, so the app need not be set up twice.
        Assert.Equal(key, wrong.One("[data-testid=shared-key]")!.TextContent);

        var on = await client.SubmitAsync(wrong, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });

        Assert.Equal(HttpStatusCode.OK, on.Status);
        Assert.Contains("Two-step verification is on.", on.One("[data-testid=two-factor-state]")!.TextContent, StringComparison.Ordinal);
        var codes = on.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await TestAccounts.FindAsync(portal, email)).TwoFactorEnabled);
        Assert.Equal(10, await RecoveryCodesLeftAsync(email));
        // The recovery codes are shown once, not on every visit.
        Assert.Empty((await client.GetAsync("/account/twofactor")).Document.QuerySelectorAll("[data-testid=recovery-codes] li"));
        Assert.Contains("Two-step verification is on", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_then_asks_for_a_code_refuses_a_wrong_one_and_accepts_the_current_one()
    {
        var (email, client) = await SignedInAsync("Wanda Verified");
        var (key, _) = await TurnOnAsync(client);
        await TestAccounts.SignOutAsync(client);

        var password = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/account/loginwith2fa", password.Location, StringComparison.Ordinal);
        // The password alone does not sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);
        var prompt = await client.GetAsync(password.Location!);
        Assert.Equal(HttpStatusCode.OK, prompt.Status);

        var wrong = await client.SubmitAsync(prompt, new Dictionary<string, string?> { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(wrong.Errors, e => e.StartsWith(WrongCode, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).Status);

        var right = await client.SubmitAsync(wrong, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });

        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/account", right.Location);
        Assert.Contains("Welcome, Wanda Verified", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visiting_the_code_page_without_a_password_first_goes_to_sign_in()
    {
        var page = await portal.Client().GetAsync("/account/loginwith2fa");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, client) = await SignedInAsync("Rae Recovery");
        var (_, codes) = await TurnOnAsync(client);
        await TestAccounts.SignOutAsync(client);

        var first = await SecondStepAsync(portal.Client(), email, codes[3]);

        Assert.Equal(HttpStatusCode.Redirect, first.Page.Status);
        Assert.Contains("Welcome, Rae Recovery", (await first.Client.GetAsync("/account")).Text, StringComparison.Ordinal);
        Assert.Equal(9, await RecoveryCodesLeftAsync(email));

        var reused = await SecondStepAsync(portal.Client(), email, codes[3]);

        Assert.Equal(HttpStatusCode.OK, reused.Page.Status);
        Assert.Contains(reused.Page.Errors, e => e.StartsWith(WrongCode, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await reused.Client.GetAsync("/account")).Status);

        // Another of the codes still works, typed as people do, with spaces and lower case letters.
        var another = await SecondStepAsync(portal.Client(), email, " " + codes[7].ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal) + " ");
        Assert.Equal(HttpStatusCode.Redirect, another.Page.Status);
        Assert.Equal(8, await RecoveryCodesLeftAsync(email));
        var undashed = await SecondStepAsync(portal.Client(), email, codes[8].Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, undashed.Page.Status);
        Assert.Equal(7, await RecoveryCodesLeftAsync(email));
    }

    [Fact]
    public async Task Turning_it_off_lets_the_password_alone_sign_in_again()
    {
        var (email, client) = await SignedInAsync("Otto Off");
        await TurnOnAsync(client);

        var page = await client.GetAsync("/account/twofactor");
        var off = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Confirmation"] = PortalFixture.Password });

        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        var after = await client.GetAsync(off.Location!);
        Assert.Contains("Two-step verification is off.", after.Text, StringComparison.Ordinal);
        Assert.False((await TestAccounts.FindAsync(portal, email)).TwoFactorEnabled);

        await TestAccounts.SignOutAsync(client);
        var signIn = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));
        Assert.Equal("/account", signIn.Location);
        Assert.Contains("Welcome, Otto Off", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_page_is_only_for_people_who_are_signed_in()
    {
        var page = await portal.Client().GetAsync("/account/twofactor");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location, StringComparison.Ordinal);
    }

    private async Task<(string Email, PortalClient Client)> SignedInAsync(string name)
    {
        var email = await TestAccounts.CreateAsync(portal, name);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        return (email, client);
    }

    /// <summary>Presses "Set up an authenticator app" and returns the page that shows the new key.</summary>
    internal static async Task<PageResult> SetUpAsync(PortalClient client)
    {
        var made = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?>(), "main form", "[data-testid=set-up]");
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        return await client.GetAsync(made.Location!);
    }

    internal static async Task<(string Key, List<string> RecoveryCodes)> TurnOnAsync(PortalClient client)
    {
        var page = await SetUpAsync(client);
        var key = page.One("[data-testid=shared-key]")!.TextContent;
        var on = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });
        var codes = on.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private static async Task<(PortalClient Client, PageResult Page)> SecondStepAsync(PortalClient client, string email, string code)
    {
        var password = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));
        Assert.StartsWith("/account/loginwith2fa", password.Location, StringComparison.Ordinal);
        var page = await client.SubmitFormAsync(password.Location!, new Dictionary<string, string?> { ["Input.Code"] = code });
        return (client, page);
    }

    private async Task<int> RecoveryCodesLeftAsync(string email)
    {
        var left = -1;
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            left = await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
        });
        return left;
    }
}

public sealed class TwoFactorTests_Sqlite(SqlitePortal portal) : TwoFactorTests(portal), IClassFixture<SqlitePortal>;

public sealed class TwoFactorTests_Postgres(PostgresPortal portal) : TwoFactorTests(portal), IClassFixture<PostgresPortal>;

public sealed class TwoFactorTests_SqlServer(SqlServerPortal portal) : TwoFactorTests(portal), IClassFixture<SqlServerPortal>;

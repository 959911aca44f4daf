using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Issue 11, defect 3: opening /account/twofactor changes nothing, setting up is a POST, the set-up page shows a
/// QR code (SVG drawn on the server) beside the typed key, and turning two-step verification off needs the
/// password or a current code. On each database.
/// </summary>
public abstract class TwoFactorSetupTests(PortalFixture portal)
{
    [Fact]
    public async Task Opening_the_page_changes_neither_the_key_nor_the_security_stamp()
    {
        var (email, client) = await SignedInAsync("Gina Get");
        var untouched = await StateAsync(email);

        var first = await client.GetAsync("/account/twofactor");
        await client.GetAsync("/account/twofactor");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.One("[data-testid=shared-key]"));
        Assert.NotNull(first.One("[data-testid=set-up]"));
        Assert.Equal(untouched, await StateAsync(email));

        // With a key made, opening the page again shows the same key and still writes nothing.
        var shown = await TwoFactorTests.SetUpAsync(client);
        var made = await StateAsync(email);
        Assert.NotNull(made.Key);
        Assert.NotEqual(untouched.Stamp, made.Stamp);
        var again = await client.GetAsync("/account/twofactor");
        Assert.Equal(shown.One("[data-testid=shared-key]")!.TextContent, again.One("[data-testid=shared-key]")!.TextContent);
        Assert.Equal(made, await StateAsync(email));
    }

    [Fact]
    public async Task A_get_cannot_set_up_a_key_only_a_post_with_the_form_token_can()
    {
        var (email, client) = await SignedInAsync("Pete Post");

        var forged = await client.PostAsync("/account/twofactor?handler=SetUp", []);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null((await StateAsync(email)).Key);
        await client.GetAsync("/account/twofactor?handler=SetUp");
        Assert.Null((await StateAsync(email)).Key);
    }

    [Fact]
    public async Task The_set_up_page_shows_a_QR_code_of_the_otpauth_link_beside_the_typed_key()
    {
        var (email, client) = await SignedInAsync("Quinn Qr");

        var page = await TwoFactorTests.SetUpAsync(client);

        var key = page.One("[data-testid=shared-key]")!.TextContent;
        var uri = page.One("[data-testid=otpauth-uri]")!.TextContent;
        var storedKey = (await StateAsync(email)).Key!;
        Assert.Equal(storedKey.ToLowerInvariant(), key.Replace(" ", "", StringComparison.Ordinal));
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={storedKey}", uri, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(email), uri, StringComparison.Ordinal);
        var svg = page.One("[data-testid=qr-code] svg");
        Assert.NotNull(svg);
        Assert.NotNull(svg.QuerySelector("path"));
        // No style attribute: the Content-Security-Policy (style-src 'self') would refuse it and the code would not show.
        Assert.DoesNotContain("style=", svg.OuterHtml, StringComparison.Ordinal);
        // The picture is the QR code of exactly that link: the same modules a QR library draws for it.
        Assert.Equal(DrawnModules(uri), svg.QuerySelector("path")!.GetAttribute("d"));
        // And the key works: an app that scanned it shows a code that turns two-step verification on.
        var on = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });
        Assert.Contains("Two-step verification is on.", on.One("[data-testid=two-factor-state]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_or_a_current_code()
    {
        var (email, client) = await SignedInAsync("Nell Needs");
        var (key, _) = await TwoFactorTests.TurnOnAsync(client);

        var empty = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?>());
        var wrongPassword = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = "not my password at all" });
        var wrongCode = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = Totp.Wrong(key) });

        foreach (var refused in new[] { empty, wrongPassword, wrongCode })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(refused.Errors, e => e.StartsWith("That is neither your password nor a current code", StringComparison.Ordinal));
            Assert.Contains("Two-step verification is on.", refused.One("[data-testid=two-factor-state]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.True((await TestAccounts.FindAsync(portal, email)).TwoFactorEnabled);

        var off = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = Totp.Now(key) });

        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.Contains("Two-step verification is off.", (await client.GetAsync(off.Location!)).Text, StringComparison.Ordinal);
        var stored = await TestAccounts.FindAsync(portal, email);
        Assert.False(stored.TwoFactorEnabled);
        // The failed guesses were counted, and a right answer clears them.
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task Wrong_answers_to_turn_it_off_count_toward_the_lockout()
    {
        var (email, client) = await SignedInAsync("Lou Locked");
        await TwoFactorTests.TurnOnAsync(client);

        for (var i = 0; i < 5; i++)
            await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = "a wrong password " + i });
        var right = await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = PortalFixture.Password });

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(right.Errors, e => e.StartsWith("Too many failed attempts", StringComparison.Ordinal));
        Assert.True((await TestAccounts.FindAsync(portal, email)).TwoFactorEnabled);
    }

    private async Task<(string Email, PortalClient Client)> SignedInAsync(string name)
    {
        var email = await TestAccounts.CreateAsync(portal, name);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        return (email, client);
    }

    private async Task<(string? Key, string? Stamp)> StateAsync(string email)
    {
        (string?, string?) state = default;
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            state = (await users.GetAuthenticatorKeyAsync(user), await users.GetSecurityStampAsync(user));
        });
        return state;
    }

    /// <summary>The path of dark modules in the QR code of <paramref name="text"/>, as the QR library draws it.</summary>
    private static string? DrawnModules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + svg + "</body>");
        return document.QuerySelector("svg path")?.GetAttribute("d");
    }
}

public sealed class TwoFactorSetupTests_Sqlite(SqlitePortal portal) : TwoFactorSetupTests(portal), IClassFixture<SqlitePortal>;

public sealed class TwoFactorSetupTests_Postgres(PostgresPortal portal) : TwoFactorSetupTests(portal), IClassFixture<PostgresPortal>;

public sealed class TwoFactorSetupTests_SqlServer(SqlServerPortal portal) : TwoFactorSetupTests(portal), IClassFixture<SqlServerPortal>;

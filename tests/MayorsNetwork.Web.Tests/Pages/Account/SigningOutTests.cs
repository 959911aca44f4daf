using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Signing out from the header's button, on each database.</summary>
public abstract class SigningOutTests(PortalFixture portal)
{
    [Fact]
    public async Task Signing_out_is_a_post_with_antiforgery_and_afterwards_the_account_page_asks_to_sign_in()
    {
        var email = await TestAccounts.CreateAsync(portal, "Sam Signout");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        Assert.Contains("Welcome, Sam Signout", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);

        var signedOut = await TestAccounts.SignOutAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        var landing = await client.GetAsync(signedOut.Location!);
        Assert.Contains("You are signed out.", landing.Text, StringComparison.Ordinal);
        Assert.NotNull(landing.One("header a[href='/account/login']"));
        var home = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri("https://localhost"), home.Location).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_out_post_without_the_antiforgery_token_is_refused_and_the_person_stays_signed_in()
    {
        var email = await TestAccounts.CreateAsync(portal, "Terry Stays");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var forged = await client.PostAsync("/account/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("form had expired", forged.Text, StringComparison.Ordinal);
        Assert.Contains("Welcome, Terry Stays", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_sign_out_address_does_not_sign_out()
    {
        var email = await TestAccounts.CreateAsync(portal, "Gale Getter");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var page = await client.GetAsync("/account/logout");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.One("main form[method=post] button[type=submit]"));
        Assert.Contains("Welcome, Gale Getter", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }
}

public sealed class SigningOutTests_Sqlite(SqlitePortal portal) : SigningOutTests(portal), IClassFixture<SqlitePortal>;

public sealed class SigningOutTests_Postgres(PostgresPortal portal) : SigningOutTests(portal), IClassFixture<PostgresPortal>;

public sealed class SigningOutTests_SqlServer(SqlServerPortal portal) : SigningOutTests(portal), IClassFixture<SqlServerPortal>;

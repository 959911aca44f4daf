using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Signing in at /account/login, on each database.</summary>
public abstract class SigningInTests(PortalFixture portal)
{
    private const string Failed = "The email address or password is not right.";

    [Fact]
    public async Task A_confirmed_account_signs_in_and_is_welcomed_by_name()
    {
        var email = await TestAccounts.CreateAsync(portal, "Regina Romero");
        var client = portal.Client();

        var posted = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/account", posted.Location);
        var home = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("Welcome, Regina Romero", home.One("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_message()
    {
        var email = await TestAccounts.CreateAsync(portal);
        var client = portal.Client();

        var wrongPassword = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, "not the password at all"));
        var unknownAddress = await client.SubmitFormAsync("/account/login", TestAccounts.Login($"nobody-{Guid.NewGuid():N}@city.example.gov", PortalFixture.Password));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.OK, unknownAddress.Status);
        Assert.Equal([Failed], wrongPassword.Errors);
        Assert.Equal(wrongPassword.Errors, unknownAddress.Errors);
        var home = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri("https://localhost"), home.Location).PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    public async Task A_return_address_on_another_host_is_ignored(string returnUrl)
    {
        var email = await TestAccounts.CreateAsync(portal);
        var client = portal.Client();

        var form = await client.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var posted = await client.SubmitAsync(form, TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/account", posted.Location);
        Assert.Contains("Welcome,", (await client.GetAsync(posted.Location!)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_followed()
    {
        var email = await TestAccounts.CreateAsync(portal);
        var client = portal.Client();

        // Opening a page for signed-in users sends the visitor to sign in and back.
        var challenged = await client.GetAsync("/account/twofactor");
        Assert.Equal(HttpStatusCode.Redirect, challenged.Status);
        var form = await client.GetAsync(challenged.Location!);
        var posted = await client.SubmitAsync(form, TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal("/account/twofactor", posted.Location);
    }
}

public sealed class SigningInTests_Sqlite(SqlitePortal portal) : SigningInTests(portal), IClassFixture<SqlitePortal>;

public sealed class SigningInTests_Postgres(PostgresPortal portal) : SigningInTests(portal), IClassFixture<PostgresPortal>;

public sealed class SigningInTests_SqlServer(SqlServerPortal portal) : SigningInTests(portal), IClassFixture<SqlServerPortal>;

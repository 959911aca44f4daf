using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// ASVS 7.3.1 and 7.3.2: a session unused for longer than <c>Security:SessionIdleMinutes</c> (8 hours) ends, and any
/// session ends <c>Security:SessionMaxHours</c> (12 hours) after its sign-in however active it was. The portal's
/// clock is moved forward; each class has a portal of its own for that. On each database.
/// </summary>
public abstract class SessionLifetimeTests(PortalFixture portal)
{
    [Fact]
    public async Task A_session_left_unused_longer_than_the_idle_timeout_asks_to_sign_in_again_while_a_used_one_goes_on()
    {
        var (used, _) = await SignedInAsync("Uma Used");
        var (idle, _) = await SignedInAsync("Ida Idle");

        portal.Clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(50));
        await AssertSignedInAsync(used, "Uma Used");
        portal.Clock.Advance(TimeSpan.FromMinutes(11));

        // Eight hours and a minute since the idle session's last request; eleven minutes since the used one's.
        await AssertAskedToSignInAsync(idle);
        await AssertSignedInAsync(used, "Uma Used");
    }

    [Fact]
    public async Task Activity_does_not_keep_a_session_past_its_absolute_lifetime_and_signing_in_again_starts_a_new_one()
    {
        var (client, email) = await SignedInAsync("Abe Absolute");

        // A request every few hours keeps the session from idling out...
        foreach (var hours in new[] { 3.5, 3.5, 3.5, 1.0 })
        {
            portal.Clock.Advance(TimeSpan.FromHours(hours));
            await AssertSignedInAsync(client, "Abe Absolute");
        }

        // ...but 12 hours after signing in it ends, though the last request was only 45 minutes ago.
        portal.Clock.Advance(TimeSpan.FromMinutes(45));
        await AssertAskedToSignInAsync(client);

        await client.SignInAsync(email, PortalFixture.Password);
        await AssertSignedInAsync(client, "Abe Absolute");
    }

    private async Task<(PortalClient Client, string Email)> SignedInAsync(string name)
    {
        var email = await TestAccounts.CreateAsync(portal, name);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        await AssertSignedInAsync(client, name);
        return (client, email);
    }

    private static async Task AssertSignedInAsync(PortalClient client, string name)
    {
        var page = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Welcome, {name}", page.Text, StringComparison.Ordinal);
    }

    private static async Task AssertAskedToSignInAsync(PortalClient client)
    {
        var page = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location, StringComparison.Ordinal);
        var login = await client.GetAsync(page.Location!);
        Assert.Equal("Sign in", login.One("h1")?.TextContent);
    }
}

public sealed class SessionLifetimeTests_Sqlite(SqlitePortal portal) : SessionLifetimeTests(portal), IClassFixture<SqlitePortal>;

public sealed class SessionLifetimeTests_Postgres(PostgresPortal portal) : SessionLifetimeTests(portal), IClassFixture<PostgresPortal>;

public sealed class SessionLifetimeTests_SqlServer(SqlServerPortal portal) : SessionLifetimeTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Five wrong passwords lock an account for five minutes; the sign-in page counts them. On each database.</summary>
public abstract class LockoutTests(PortalFixture portal)
{
    private const string Locked = "Too many failed attempts: this account is locked for 5 minutes. Try again later, or reset your password.";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_five_minutes_even_against_the_right_password()
    {
        var email = await TestAccounts.CreateAsync(portal);
        var client = portal.Client();

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, $"wrong password number {i}"));
            Assert.Equal(["The email address or password is not right."], wrong.Errors);
            Assert.Equal(i, (await TestAccounts.FindAsync(portal, email)).AccessFailedCount);
        }

        var before = DateTimeOffset.UtcNow;
        var fifth = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, "wrong password number 5"));
        var after = DateTimeOffset.UtcNow;
        var right = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal([Locked], fifth.Errors);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal([Locked], right.Errors);
        var user = await TestAccounts.FindAsync(portal, email);
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd!.Value, before.AddMinutes(5).AddSeconds(-1), after.AddMinutes(5).AddSeconds(1));
        // Identity starts the count again once the lockout is set.
        Assert.Equal(0, user.AccessFailedCount);
        var home = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
    }

    [Fact]
    public async Task Before_the_fifth_failure_the_right_password_still_signs_in_and_the_count_starts_again()
    {
        var email = await TestAccounts.CreateAsync(portal, "Pat Persistent");
        var client = portal.Client();
        for (var i = 1; i <= 4; i++)
            await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, $"wrong password number {i}"));
        Assert.Equal(4, (await TestAccounts.FindAsync(portal, email)).AccessFailedCount);

        var right = await client.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Contains("Welcome, Pat Persistent", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
        var user = await TestAccounts.FindAsync(portal, email);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.True(user.LockoutEnd is null || user.LockoutEnd <= DateTimeOffset.UtcNow);

        // Four more failures after that do not lock the account: the earlier ones no longer count.
        var other = portal.Client();
        for (var i = 1; i <= 4; i++)
            await other.SubmitFormAsync("/account/login", TestAccounts.Login(email, $"another wrong password {i}"));
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password))).Status);
    }
}

public sealed class LockoutTests_Sqlite(SqlitePortal portal) : LockoutTests(portal), IClassFixture<SqlitePortal>;

public sealed class LockoutTests_Postgres(PostgresPortal portal) : LockoutTests(portal), IClassFixture<PostgresPortal>;

public sealed class LockoutTests_SqlServer(SqlServerPortal portal) : LockoutTests(portal), IClassFixture<SqlServerPortal>;

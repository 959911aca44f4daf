using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Issue 11, defect 8: a sign-in to an account whose address is not confirmed answers the same whether or not the
/// password was right (so it tells a guesser nothing), and each attempt counts toward the lockout. On each database.
/// </summary>
public abstract class UnconfirmedLoginTests(PortalFixture portal)
{
    [Fact]
    public async Task A_login_to_an_unconfirmed_account_answers_the_same_whether_or_not_the_password_was_right()
    {
        var email = await TestAccounts.CreateAsync(portal, "Una Unconfirmed", confirmed: false);

        var right = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));
        var wrong = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, "not the password at all"));
        var nobody = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login($"nobody-{Guid.NewGuid():N}@city.example.gov", PortalFixture.Password));

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(["The email address or password is not right."], right.Errors);
        Assert.Equal(right.Errors, wrong.Errors);
        Assert.Equal(right.Text, wrong.Text);
        Assert.Equal(right.Errors, nobody.Errors);
        Assert.Contains("Please confirm your email address first", right.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_logins_to_an_unconfirmed_account_count_toward_the_lockout()
    {
        var email = await TestAccounts.CreateAsync(portal, "Lena Lockout", confirmed: false);

        for (var i = 0; i < 4; i++) await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, "a wrong guess " + i));
        Assert.Equal(4, (await TestAccounts.FindAsync(portal, email)).AccessFailedCount);
        var fifth = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Contains(fifth.Errors, e => e.StartsWith("Too many failed attempts", StringComparison.Ordinal));
        var stored = await TestAccounts.FindAsync(portal, email);
        Assert.NotNull(stored.LockoutEnd);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow);
    }
}

public sealed class UnconfirmedLoginTests_Sqlite(SqlitePortal portal) : UnconfirmedLoginTests(portal), IClassFixture<SqlitePortal>;

public sealed class UnconfirmedLoginTests_Postgres(PostgresPortal portal) : UnconfirmedLoginTests(portal), IClassFixture<PostgresPortal>;

public sealed class UnconfirmedLoginTests_SqlServer(SqlServerPortal portal) : UnconfirmedLoginTests(portal), IClassFixture<SqlServerPortal>;

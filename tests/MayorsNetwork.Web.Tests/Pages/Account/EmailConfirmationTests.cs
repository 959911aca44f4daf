using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>Confirming an email address at /account/confirmemail and asking for a new link. On each database.</summary>
public abstract class EmailConfirmationTests(PortalFixture portal)
{
    public enum BadLink
    {
        GarbledCode,
        MissingCode,
        UnknownUser,
        AnotherUsersCode,
    }

    [Theory]
    [InlineData(BadLink.GarbledCode)]
    [InlineData(BadLink.MissingCode)]
    [InlineData(BadLink.UnknownUser)]
    [InlineData(BadLink.AnotherUsersCode)]
    public async Task A_bad_link_says_it_does_not_work_and_confirms_nothing(BadLink kind)
    {
        var email = await TestAccounts.CreateAsync(portal, confirmed: false);
        var other = await TestAccounts.CreateAsync(portal, confirmed: false);
        var user = await TestAccounts.FindAsync(portal, email);
        var otherCode = await ConfirmationCodeAsync(other);
        var url = kind switch
        {
            BadLink.GarbledCode => $"/account/confirmemail?userId={user.Id}&code={Uri.EscapeDataString(otherCode[..^6] + "Zm9vYmFy")}",
            BadLink.MissingCode => $"/account/confirmemail?userId={user.Id}",
            BadLink.UnknownUser => $"/account/confirmemail?userId={Guid.NewGuid()}&code={Uri.EscapeDataString(otherCode)}",
            _ => $"/account/confirmemail?userId={user.Id}&code={Uri.EscapeDataString(otherCode)}",
        };

        var page = await portal.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This link does not work", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.One("main a[href='/account/resendconfirmation']"));
        Assert.False((await TestAccounts.FindAsync(portal, email)).EmailConfirmed);
        Assert.False((await TestAccounts.FindAsync(portal, other)).EmailConfirmed);
    }

    [Fact]
    public async Task Asking_again_sends_a_new_link_that_confirms_the_address_and_allows_signing_in()
    {
        var email = await TestAccounts.CreateAsync(portal, "Una Confirmed", confirmed: false);
        var client = portal.Client();

        var asked = await client.SubmitFormAsync("/account/resendconfirmation", new Dictionary<string, string?> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Contains("we have sent a new link", (await client.GetAsync(asked.Location!)).Text, StringComparison.Ordinal);
        var mail = await portal.Mail.WaitForAsync(email, "Confirm your email address");
        Assert.Contains("Dear Una Confirmed", mail.Text, StringComparison.Ordinal);
        var confirmed = await client.GetAsync(new Uri(mail.Link("/account/confirmemail")).PathAndQuery);
        Assert.Contains("Email address confirmed", confirmed.Text, StringComparison.Ordinal);
        Assert.True((await TestAccounts.FindAsync(portal, email)).EmailConfirmed);
        await client.SignInAsync(email, PortalFixture.Password);
        Assert.Contains("Welcome, Una Confirmed", (await client.GetAsync("/account")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_already_confirmed_or_unknown_gets_the_same_answer_and_no_email()
    {
        var confirmed = await TestAccounts.CreateAsync(portal, confirmed: true);
        var unknown = $"nobody-{Guid.NewGuid():N}@city.example.gov";
        var client = portal.Client();

        var first = await client.SubmitFormAsync("/account/resendconfirmation", new Dictionary<string, string?> { ["Input.Email"] = confirmed });
        var firstText = (await client.GetAsync(first.Location!)).Text;
        var second = await client.SubmitFormAsync("/account/resendconfirmation", new Dictionary<string, string?> { ["Input.Email"] = unknown });
        var secondText = (await client.GetAsync(second.Location!)).Text;

        Assert.Equal(firstText, secondText);
        Assert.Contains("we have sent a new link", firstText, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To.Contains(confirmed) || m.To.Contains(unknown))));
    }

    private async Task<string> ConfirmationCodeAsync(string email)
    {
        var code = "";
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            code = await users.GenerateEmailConfirmationTokenAsync((await users.FindByEmailAsync(email))!);
        });
        return code;
    }
}

public sealed class EmailConfirmationTests_Sqlite(SqlitePortal portal) : EmailConfirmationTests(portal), IClassFixture<SqlitePortal>;

public sealed class EmailConfirmationTests_Postgres(PostgresPortal portal) : EmailConfirmationTests(portal), IClassFixture<PostgresPortal>;

public sealed class EmailConfirmationTests_SqlServer(SqlServerPortal portal) : EmailConfirmationTests(portal), IClassFixture<SqlServerPortal>;

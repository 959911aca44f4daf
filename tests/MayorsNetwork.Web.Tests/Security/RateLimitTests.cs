using System.Globalization;
using System.Net;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Sign-in, sign-up and password reset posts are limited per client (here 3 a minute): the next one gets
/// 429, a Retry-After header and a page that says so, and does nothing. Reading the pages is not limited.
/// One provider is enough: the limiter does not touch the database. Each page has its own test class,
/// so its own portal and limiter (the pages share one limit).
/// </summary>
public abstract class RateLimitTests(LowRateLimitSqlitePortal portal)
{
    protected LowRateLimitSqlitePortal Portal { get; } = portal;

    protected abstract string Path { get; }

    /// <summary>A post that the page accepts and handles (a normal answer, not a 429).</summary>
    protected abstract Task<Dictionary<string, string?>> AllowedPostAsync();

    /// <summary>The post that goes over the limit.</summary>
    protected abstract Task<Dictionary<string, string?>> RefusedPostAsync();

    /// <summary>Checks that the refused post changed nothing.</summary>
    protected abstract Task AssertNothingHappenedAsync(Dictionary<string, string?> refused);

    [Fact]
    public async Task The_post_after_the_limit_gets_429_with_Retry_After_and_a_page_saying_so_while_reading_stays_open()
    {
        var client = Portal.Client();
        for (var i = 1; i <= LowRateLimitSqlitePortal.PermitLimit; i++)
        {
            var allowed = await client.SubmitFormAsync(Path, await AllowedPostAsync());
            Assert.True(allowed.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Post {i} to {Path} got {(int)allowed.Status}: {allowed.Text}");
        }

        var refusedForm = await RefusedPostAsync();
        var refused = await client.SubmitFormAsync(Path, refusedForm);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var retryAfter = Assert.Single(refused.Response.Headers.GetValues("Retry-After"));
        Assert.Matches("^[0-9]+$", retryAfter);
        var seconds = int.Parse(retryAfter, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, LowRateLimitSqlitePortal.WindowSeconds);
        Assert.Equal("Too many attempts", refused.One("h1")!.TextContent.Trim());
        Assert.Contains($"Wait {seconds} seconds and try again.", refused.Text, StringComparison.Ordinal);
        await AssertNothingHappenedAsync(refusedForm);

        // Reading the page is not limited, for this client or any other.
        for (var i = 0; i < 2 * LowRateLimitSqlitePortal.PermitLimit; i++)
        {
            var page = await client.GetAsync(Path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.One("main form[method=post] input[name=__RequestVerificationToken]"));
        }
    }
}

public sealed class LoginRateLimitTests(LowRateLimitSqlitePortal portal) : RateLimitTests(portal), IClassFixture<LowRateLimitSqlitePortal>
{
    private string? _email;

    protected override string Path => "/account/login";

    protected override async Task<Dictionary<string, string?>> AllowedPostAsync()
    {
        _email ??= await TestAccounts.CreateAsync(Portal);
        return TestAccounts.Login(_email, "a wrong password for this");
    }

    // The right password: had the post been handled, it would have signed in and reset the failure count.
    protected override async Task<Dictionary<string, string?>> RefusedPostAsync() =>
        TestAccounts.Login(_email ??= await TestAccounts.CreateAsync(Portal), PortalFixture.Password);

    protected override async Task AssertNothingHappenedAsync(Dictionary<string, string?> refused)
    {
        Assert.Equal(LowRateLimitSqlitePortal.PermitLimit, (await TestAccounts.FindAsync(Portal, _email!)).AccessFailedCount);
        Assert.Null(await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == _email).Select(u => u.LockoutEnd).SingleAsync()));
    }
}

public sealed class JoinRateLimitTests(LowRateLimitSqlitePortal portal) : RateLimitTests(portal), IClassFixture<LowRateLimitSqlitePortal>
{
    protected override string Path => "/join";

    protected override Task<Dictionary<string, string?>> AllowedPostAsync()
    {
        var form = Applications.Valid();
        form["Input.Population"] = "0"; // handled and refused with a message; no need to store three cities
        return Task.FromResult(form);
    }

    protected override Task<Dictionary<string, string?>> RefusedPostAsync() => Task.FromResult(Applications.Valid());

    protected override async Task AssertNothingHappenedAsync(Dictionary<string, string?> refused)
    {
        Assert.False(await Portal.WithDbAsync(db => db.Governments.AnyAsync(g => g.Name == refused["Input.Name"])));
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == refused["Input.ApplicantEmail"])));
    }
}

public sealed class ForgotPasswordRateLimitTests(LowRateLimitSqlitePortal portal) : RateLimitTests(portal), IClassFixture<LowRateLimitSqlitePortal>
{
    protected override string Path => "/account/forgotpassword";

    protected override Task<Dictionary<string, string?>> AllowedPostAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@city.example.gov" });

    protected override async Task<Dictionary<string, string?>> RefusedPostAsync() =>
        new() { ["Input.Email"] = await TestAccounts.CreateAsync(Portal) };

    protected override async Task AssertNothingHappenedAsync(Dictionary<string, string?> refused) =>
        Assert.False(await Portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To.Contains(refused["Input.Email"]!))));
}

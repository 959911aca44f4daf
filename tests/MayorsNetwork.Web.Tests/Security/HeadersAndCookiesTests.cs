using System.Net;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>Security headers on pages and the flags of the cookies the portal sets, read from the raw responses. On each database.</summary>
public abstract class HeadersAndCookiesTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/join")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers(string path)
    {
        var page = await portal.Client().GetAsync(path);

        Assert.Equal(path == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK, page.Status);
        var csp = Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.True(directives.ContainsKey("script-src") || directives.ContainsKey("default-src"), csp);
        Assert.Equal("nosniff", Assert.Single(page.Response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(page.Response.Headers.GetValues("Referrer-Policy"))));

        // The policy would block inline script and style, so the pages must have none.
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"Inline script on {path}: {s.OuterHtml}"));
        Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_HttpOnly_SameSite_Strict_and_Secure()
    {
        var page = await portal.Client().GetAsync("/account/login");

        var cookie = Cookie(page, "mn.antiforgery");

        Assert.Contains("httponly", cookie.Flags);
        Assert.Contains("secure", cookie.Flags);
        Assert.Equal("strict", cookie.Attributes["samesite"]);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Lax_and_Secure()
    {
        var email = await TestAccounts.CreateAsync(portal);

        var posted = await portal.Client().SubmitFormAsync("/account/login", TestAccounts.Login(email, PortalFixture.Password));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var cookie = Cookie(posted, "mn.auth");
        Assert.Contains("httponly", cookie.Flags);
        Assert.Contains("secure", cookie.Flags);
        Assert.Equal("lax", cookie.Attributes["samesite"]);
        Assert.Equal("/", cookie.Attributes["path"]);
    }

    [Fact]
    public async Task Every_cookie_set_while_signing_in_and_out_is_HttpOnly_and_Secure()
    {
        var email = await TestAccounts.CreateAsync(portal);
        var client = portal.Client();
        var responses = new List<PageResult> { await client.GetAsync("/account/login") };
        responses.Add(await client.SubmitAsync(responses[0], TestAccounts.Login(email, PortalFixture.Password)));
        responses.Add(await client.GetAsync("/account"));
        responses.Add(await TestAccounts.SignOutAsync(client));
        responses.Add(await client.GetAsync("/"));

        var cookies = responses.SelectMany(SetCookies).ToList();

        Assert.Contains(cookies, c => c.Name == "mn.auth");
        Assert.Contains(cookies, c => c.Name == "mn.antiforgery");
        Assert.All(cookies, c =>
        {
            Assert.True(c.Flags.Contains("secure"), $"{c.Name} is not Secure: {c.Raw}");
            Assert.True(c.Flags.Contains("httponly"), $"{c.Name} is not HttpOnly: {c.Raw}");
            Assert.True(c.Attributes.ContainsKey("samesite"), $"{c.Name} has no SameSite: {c.Raw}");
        });
    }

    private static SetCookie Cookie(PageResult page, string name) =>
        SetCookies(page).SingleOrDefault(c => c.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No Set-Cookie for {name}; got: {string.Join(" | ", SetCookies(page).Select(c => c.Raw))}");

    private static IEnumerable<SetCookie> SetCookies(PageResult page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(SetCookie.Parse) : [];

    private sealed record SetCookie(string Raw, string Name, HashSet<string> Flags, Dictionary<string, string> Attributes)
    {
        public static SetCookie Parse(string raw)
        {
            var parts = raw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts.Skip(1))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0) flags.Add(part.ToLowerInvariant());
                else attributes[part[..eq].Trim()] = part[(eq + 1)..].Trim().ToLowerInvariant();
            }

            return new SetCookie(raw, parts[0].Split('=')[0], flags, attributes);
        }
    }
}

public sealed class HeadersAndCookiesTests_Sqlite(SqlitePortal portal) : HeadersAndCookiesTests(portal), IClassFixture<SqlitePortal>;

public sealed class HeadersAndCookiesTests_Postgres(PostgresPortal portal) : HeadersAndCookiesTests(portal), IClassFixture<PostgresPortal>;

public sealed class HeadersAndCookiesTests_SqlServer(SqlServerPortal portal) : HeadersAndCookiesTests(portal), IClassFixture<SqlServerPortal>;

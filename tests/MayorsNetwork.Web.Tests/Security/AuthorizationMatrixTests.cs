using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Every page the running app routes to, opened by an anonymous visitor, an applicant, a member and
/// staff: each either lets the visitor in (and shows itself) or refuses as its declared access says.
/// The pages come from the app's endpoints, not from a list here; the list in <see cref="PageAccess"/>
/// only says who may open each one.
/// </summary>
public abstract class AuthorizationMatrixTests(PortalFixture portal)
{
    [Fact]
    public async Task Every_page_of_the_app_has_a_declared_access_and_the_table_names_no_page_the_app_lacks()
    {
        var pages = await PageAccess.DiscoverAsync(portal);

        Assert.NotEmpty(pages);
        var undeclared = pages.Where(p => PageAccess.For(p.Page) is null).Select(p => p.ToString()).ToList();
        var missing = PageAccess.Pages.Select(r => r.Page).Except(pages.Select(p => p.Page)).ToList();
        Assert.True(undeclared.Count == 0 && missing.Count == 0,
            $"Pages without a declared access (add each to PageAccess.Pages as Public, SignedIn, Staff or Admin): {string.Join("; ", undeclared)}\n" +
            $"PageAccess.Pages names pages the app does not have (remove them): {string.Join("; ", missing)}");
        Assert.Equal(PageAccess.Pages.Count, PageAccess.Pages.Select(r => r.Page).Distinct().Count());
    }

    [Fact]
    public async Task Each_page_lets_in_the_visitors_its_access_allows_and_refuses_the_others()
    {
        var pages = await PageAccess.DiscoverAsync(portal);
        var visitors = await Visitors.OfAsync(portal);
        var failures = new List<string>();
        var checkedPages = 0;

        foreach (var page in pages)
        {
            if (PageAccess.For(page.Page) is not { } rule) continue; // reported by the test above
            var url = page.Url(rule, visitors);
            if (url is null)
            {
                failures.Add($"{page}: the route has parameters; give the rule a SampleUrl.");
                continue;
            }

            checkedPages++;
            foreach (var kind in Visitors.Kinds)
            {
                var result = await visitors.For(kind).GetAsync(url);
                var problem = Visitors.IsAllowed(rule.Access, kind)
                    ? Allowed(rule, result, visitors.City)
                    : kind == "anonymous" ? RefusedAnonymous(result, url) : RefusedSignedIn(result);
                if (problem is not null) failures.Add($"{rule.Page} ({rule.Access}) GET {url} as {kind}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, "Access does not match PageAccess:\n" + string.Join("\n", failures));
        Assert.True(PageAccess.Pages.Count == checkedPages, $"Checked {checkedPages} pages; PageAccess declares {PageAccess.Pages.Count} (see the test of the table itself).");
    }

    [Fact]
    public async Task Refused_visitors_are_sent_to_sign_in_or_told_not_allowed_and_see_nothing_of_the_page()
    {
        var visitors = await Visitors.OfAsync(portal);
        var url = $"/staff/applications/{visitors.ApplicationId}";

        var anonymous = await visitors.Anonymous.GetAsync(url);
        var member = await visitors.Member.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(url), PathAndQuery(anonymous.Location!));
        Assert.DoesNotContain(visitors.City, anonymous.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, member.Status);
        Assert.Equal("Not allowed", member.One("h1")?.TextContent.Trim());
        Assert.DoesNotContain(visitors.City, member.Html, StringComparison.Ordinal);
        // The sign-in page the anonymous visitor is sent to is really there.
        var login = await visitors.Anonymous.GetAsync(anonymous.Location!);
        Assert.Equal("Sign in", login.One("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/staff/no-such-page")]
    [InlineData("/account/no/such/page")]
    public async Task An_unknown_address_is_page_not_found_for_anonymous_visitors_not_a_sign_in_prompt(string url)
    {
        var page = await portal.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
        Assert.Null(page.Location);
    }

    [Fact]
    public async Task An_unknown_address_is_page_not_found_for_signed_in_visitors_too()
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/staff/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_health_check_answers_healthy_to_anonymous_visitors()
    {
        var response = await portal.Client().Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static string? Allowed(PageRule rule, PageResult result, string city)
    {
        if (rule.AllowedRedirectTo is { } target)
        {
            return result.Status == HttpStatusCode.Redirect && PathAndQuery(result.Location!).Split('?')[0] == target
                ? null
                : $"expected a redirect to {target}, got {Describe(result)}";
        }

        var heading = rule.Heading.Replace("{city}", city, StringComparison.Ordinal);
        var h1 = result.One("h1")?.TextContent.Trim() ?? "";
        if (result.Status != rule.AllowedStatus) return $"expected {(int)rule.AllowedStatus} with \"{heading}\", got {Describe(result)}";
        if (!h1.StartsWith(heading, StringComparison.Ordinal)) return $"expected the heading \"{heading}\", got \"{h1}\"";
        return null;
    }

    private static string? RefusedAnonymous(PageResult result, string url)
    {
        var expected = "/account/login?ReturnUrl=" + Uri.EscapeDataString(url);
        return result.Status == HttpStatusCode.Redirect && PathAndQuery(result.Location ?? "") == expected
            ? null
            : $"expected 302 to {expected}, got {Describe(result)}";
    }

    private static string? RefusedSignedIn(PageResult result) =>
        result.Status == HttpStatusCode.Forbidden && result.One("h1")?.TextContent.Trim() == "Not allowed"
            ? null
            : $"expected 403 \"Not allowed\", got {Describe(result)}";

    private static string PathAndQuery(string location) => new Uri(new Uri("https://localhost"), location).PathAndQuery;

    private static string Describe(PageResult result) =>
        $"{(int)result.Status}{(result.Location is { } l ? " to " + l : "")} \"{result.One("h1")?.TextContent.Trim()}\"";
}

public sealed class AuthorizationMatrixTests_Sqlite(SqlitePortal portal) : AuthorizationMatrixTests(portal), IClassFixture<SqlitePortal>;

public sealed class AuthorizationMatrixTests_Postgres(PostgresPortal portal) : AuthorizationMatrixTests(portal), IClassFixture<PostgresPortal>;

public sealed class AuthorizationMatrixTests_SqlServer(SqlServerPortal portal) : AuthorizationMatrixTests(portal), IClassFixture<SqlServerPortal>;

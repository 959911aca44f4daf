using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// ASVS 6.2.6 and 6.2.7: every password field on every page, as each kind of visitor who may open the page sees it, is
/// masked (type=password), tells password managers what it holds (autocomplete current-password or new-password),
/// takes at least 64 characters, and nothing stops pasting into it. The pages come from the app's endpoints (as in
/// <see cref="AuthorizationMatrixTests"/>), so a new page's password fields are checked without being listed here.
/// </summary>
public abstract class PasswordFieldsTests(PortalFixture portal)
{
    /// <summary>Fields that choose a password rather than prove one: password managers offer to generate and save these.</summary>
    private static readonly string[] NewPasswordPages = ["/Join/Index", "/Account/ResetPassword"];

    [Fact]
    public async Task Every_password_field_on_every_page_is_masked_says_what_it_holds_and_allows_paste()
    {
        var pages = await PageAccess.DiscoverAsync(portal);
        var visitors = await Visitors.OfAsync(portal);
        var failures = new List<string>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var scripts = new HashSet<string>(StringComparer.Ordinal);

        foreach (var page in pages)
        {
            if (PageAccess.For(page.Page) is not { } rule || page.Url(rule, visitors) is not { } url) continue; // the matrix reports these
            foreach (var kind in Visitors.Kinds.Where(k => Visitors.IsAllowed(rule.Access, k)))
            {
                var result = await visitors.For(kind).GetAsync(url);
                if (result.Response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                foreach (var src in result.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)) scripts.Add(src);
                foreach (var input in result.Document.QuerySelectorAll("input").Where(IsPasswordField))
                {
                    var name = input.GetAttribute("name") ?? "(no name)";
                    found.Add($"{page.Page} {name}");
                    var expected = NewPasswordPages.Contains(page.Page) || name.Contains("NewPassword", StringComparison.Ordinal) || name.Contains("ConfirmPassword", StringComparison.Ordinal)
                        ? "new-password"
                        : "current-password";
                    var where = $"{page.Page} as {kind}, {name}";
                    if (input.GetAttribute("type") != "password") failures.Add($"{where}: type is '{input.GetAttribute("type")}', not password");
                    if (input.GetAttribute("autocomplete") != expected) failures.Add($"{where}: autocomplete is '{input.GetAttribute("autocomplete")}', not {expected}");
                    if (int.TryParse(input.GetAttribute("maxlength"), out var max) && max < 64) failures.Add($"{where}: maxlength {max} is under 64");
                    if (!string.IsNullOrEmpty(input.GetAttribute("value"))) failures.Add($"{where}: the page writes a value into it");
                    foreach (var handler in new[] { "onpaste", "oncopy", "oncut", "ondrop", "readonly" })
                        if (input.HasAttribute(handler)) failures.Add($"{where}: has {handler}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Password fields:\n" + string.Join("\n", failures));
        // The check saw the password fields the portal is known to have (others, on new pages, are checked too).
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "/Account/Login Input.Password",
            "/Join/Index Input.Password",
            "/Join/Index Input.ConfirmPassword",
            "/Account/ResetPassword Input.Password",
            "/Account/ResetPassword Input.ConfirmPassword",
            "/Account/ChangePassword Input.CurrentPassword",
            "/Account/ChangePassword Input.NewPassword",
            "/Account/ChangePassword Input.ConfirmPassword",
            "/Account/TwoFactor Input.Confirmation",
        }, found);
        // Our own scripts do not get in the way of pasting either.
        Assert.NotEmpty(scripts);
        foreach (var src in scripts.Where(s => s.StartsWith('/')))
        {
            var script = await visitors.Anonymous.Http.GetStringAsync(src);
            Assert.DoesNotContain("paste", script, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_refused_sign_in_does_not_write_the_typed_password_back_into_the_page()
    {
        const string typed = "not-the-password-0123456789";
        var email = await Pages.Account.TestAccounts.CreateAsync(portal, "Pat Paste");

        var refused = await portal.Client().SubmitFormAsync("/account/login", Pages.Account.TestAccounts.Login(email, typed));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEmpty(refused.Errors);
        Assert.Equal("", refused.One("input[name='Input.Password']")?.GetAttribute("value") ?? "");
        Assert.DoesNotContain(typed, refused.Html, StringComparison.Ordinal);
    }

    /// <summary>A masked field, or one whose name or autocomplete says it holds a password (which must then be masked).</summary>
    private static bool IsPasswordField(IElement input) =>
        input.GetAttribute("type") == "password" ||
        (input.GetAttribute("name") ?? "").Contains("password", StringComparison.OrdinalIgnoreCase) ||
        (input.GetAttribute("autocomplete") ?? "").Contains("password", StringComparison.OrdinalIgnoreCase);
}

public sealed class PasswordFieldsTests_Sqlite(SqlitePortal portal) : PasswordFieldsTests(portal), IClassFixture<SqlitePortal>;

public sealed class PasswordFieldsTests_Postgres(PostgresPortal portal) : PasswordFieldsTests(portal), IClassFixture<PostgresPortal>;

public sealed class PasswordFieldsTests_SqlServer(SqlServerPortal portal) : PasswordFieldsTests(portal), IClassFixture<SqlServerPortal>;

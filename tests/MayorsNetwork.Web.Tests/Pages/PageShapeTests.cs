using MayorsNetwork.Web.Pages;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MayorsNetwork.Web.Tests.Pages;

/// <summary>
/// Every page has the one shape (issue 13): its model derives from <see cref="PortalPageModel"/>, whose
/// status message the layout shows once, on the page a handler redirects to.
/// </summary>
public abstract class PageShapeTests(PortalFixture portal)
{
    [Fact]
    public void Every_page_model_derives_from_the_portal_page_model()
    {
        var pages = typeof(PortalPageModel).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.True(pages.Count > 50, $"Only {pages.Count} page models were found.");
        Assert.Empty(pages.Where(t => !typeof(PortalPageModel).IsAssignableFrom(t)).Select(t => t.FullName));
    }

    [Fact]
    public async Task A_status_message_is_shown_on_the_page_redirected_to_and_not_again_after()
    {
        var staff = await portal.SignedInStaffAsync();
        var account = await staff.GetAsync("/account");

        var signedOut = await staff.SubmitAsync(account, new Dictionary<string, string?>(), "form.nav-form");
        var home = await staff.GetAsync(signedOut.Location!);
        Assert.Contains("You are signed out.", home.One("[role=status]")?.TextContent ?? "", StringComparison.Ordinal);

        var again = await staff.GetAsync("/account/login");
        Assert.DoesNotContain("You are signed out.", again.Text, StringComparison.Ordinal);
        Assert.Null(again.One("main [role=status]"));
    }
}

public sealed class PageShapeTests_Sqlite(SqlitePortal portal) : PageShapeTests(portal), IClassFixture<SqlitePortal>;

public sealed class PageShapeTests_Postgres(PostgresPortal portal) : PageShapeTests(portal), IClassFixture<PostgresPortal>;

public sealed class PageShapeTests_SqlServer(SqlServerPortal portal) : PageShapeTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Staff.Applications.ApplicationsUnderReview;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>One application at /staff/applications/{id}: what staff need to decide.</summary>
public abstract class ApplicationDetailTests(PortalFixture portal)
{
    [Fact]
    public async Task The_detail_page_shows_the_government_its_contacts_the_first_year_dues_and_the_history()
    {
        var form = Support.Applications.Valid(state: "NM", population: 108_250);
        form["Input.MayorName"] = "Alan Webber";
        form["Input.LiaisonName"] = "Lina Liaison";
        form["Input.BillingName"] = "Accounts Payable";
        form["Input.ApplicantName"] = "Casey Clerk";
        var application = await ApplyAsync(portal, form);
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(application.DetailUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{application.Name}, NM", page.One("h1")!.TextContent);
        Assert.Equal("Applied", page.One("[data-testid=status]")!.TextContent);
        Assert.Contains("City", page.Text, StringComparison.Ordinal);
        Assert.Contains("108,250 (census 2020)", page.Text, StringComparison.Ordinal);
        Assert.Contains($"by Casey Clerk ({application.ApplicantEmail})", page.Text, StringComparison.Ordinal);
        // ICLEI tier 100,000 to 199,999 is $1,750; the first year has the 25% new-member discount.
        var quote = page.One("[data-testid=quote]")!.TextContent;
        Assert.StartsWith("$1,312.50", quote, StringComparison.Ordinal);
        Assert.Contains("100,000 to 199,999", quote, StringComparison.Ordinal);
        Assert.Contains("less $437.50 new-member discount", quote, StringComparison.Ordinal);
        Assert.Contains($"Alan Webber · {application.MayorEmail} · 303-555-0100", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Lina Liaison · {form["Input.LiaisonEmail"]} · 303-555-0101", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Accounts Payable · {form["Input.BillingEmail"]} · 303-555-0102", page.Text, StringComparison.Ordinal);
        var history = Assert.Single(History(page));
        Assert.Equal(("-", "Applied", "Casey Clerk", "Application submitted"), history);
        Assert.NotNull(page.One("[data-testid=approve]"));
        Assert.NotNull(page.One("[data-testid=reject]"));
    }

    [Theory]
    [InlineData("/staff/applications/999999")]
    [InlineData("/staff/applications/0")]
    [InlineData("/staff/applications/-1")]
    [InlineData("/staff/applications/abc")]
    [InlineData("/staff/applications/99999999999")]
    public async Task An_unknown_application_is_a_not_found_page(string url)
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deciding_on_an_unknown_application_changes_nothing_and_says_so()
    {
        var application = await ApplyAsync(portal);
        var staff = await portal.SignedInStaffAsync();
        var detail = await staff.GetAsync(application.DetailUrl);
        var token = detail.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var page = await staff.PostAsync("/staff/applications/999999?handler=Approve", [new("__RequestVerificationToken", token), new("Input.Version", Guid.NewGuid().ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }
}

public sealed class ApplicationDetailTests_Sqlite(SqlitePortal portal) : ApplicationDetailTests(portal), IClassFixture<SqlitePortal>;

public sealed class ApplicationDetailTests_Postgres(PostgresPortal portal) : ApplicationDetailTests(portal), IClassFixture<PostgresPortal>;

public sealed class ApplicationDetailTests_SqlServer(SqlServerPortal portal) : ApplicationDetailTests(portal), IClassFixture<SqlServerPortal>;

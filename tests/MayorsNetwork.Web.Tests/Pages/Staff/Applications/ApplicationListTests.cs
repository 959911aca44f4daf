using System.Net;
using System.Web;
using AngleSharp.Dom;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Staff.Applications.ApplicationsUnderReview;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>Staff find applications at /staff/applications: the work queue, filters, search and pages.</summary>
public abstract class ApplicationListTests(PortalFixture portal)
{
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static string Url(string q, string? status = null, string? state = null, string? p = null)
    {
        var query = HttpUtility.ParseQueryString("");
        if (status is not null) query["status"] = status;
        query["q"] = q;
        if (state is not null) query["state"] = state;
        if (p is not null) query["p"] = p;
        return "/staff/applications?" + query;
    }

    [Fact]
    public async Task By_default_the_list_shows_the_applications_waiting_for_a_decision()
    {
        var prefix = Unique("Queueville");
        await SeedAsync(portal, [prefix + " Waiting"]);
        await SeedAsync(portal, [prefix + " Approved"], status: MembershipStatus.Approved);
        await SeedAsync(portal, [prefix + " Rejected"], status: MembershipStatus.Rejected);
        var staff = await portal.SignedInStaffAsync();

        var queue = await staff.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Equal("Applied", queue.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#status")!.Value);
        Assert.NotEmpty(Rows(queue));
        Assert.All(Rows(queue), row => Assert.Equal("Applied", row.QuerySelector(".usa-tag")!.TextContent));
        var applied = await portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Status == MembershipStatus.Applied));
        Assert.Equal($"{applied:N0} found", queue.One("[data-testid=result-count]")!.TextContent);

        var searched = await staff.GetAsync(Url(prefix));
        Assert.Equal([prefix + " Waiting"], Names(searched));
    }

    [Fact]
    public async Task The_status_filter_shows_only_that_status_and_all_shows_every_one()
    {
        var prefix = Unique("Statusburg");
        await SeedAsync(portal, [prefix + " Waiting"]);
        await SeedAsync(portal, [prefix + " Approved"], status: MembershipStatus.Approved);
        await SeedAsync(portal, [prefix + " Rejected"], status: MembershipStatus.Rejected);
        var staff = await portal.SignedInStaffAsync();

        Assert.Equal([prefix + " Approved"], Names(await staff.GetAsync(Url(prefix, status: "Approved"))));
        Assert.Equal([prefix + " Rejected"], Names(await staff.GetAsync(Url(prefix, status: "Rejected"))));
        Assert.Empty(Names(await staff.GetAsync(Url(prefix, status: "Active"))));
        var all = await staff.GetAsync(Url(prefix, status: "all"));
        Assert.Equal([prefix + " Waiting", prefix + " Approved", prefix + " Rejected"], Names(all));
        Assert.Equal(["Applied", "Approved", "Rejected"], Rows(all).Select(r => r.QuerySelector(".usa-tag")!.TextContent));
        Assert.Equal("3 found", all.One("[data-testid=result-count]")!.TextContent);
    }

    [Theory]
    [InlineData("canon")]
    [InlineData("CAÑON")]
    [InlineData("  cañon   city ")]
    [InlineData("Canon City")]
    public async Task Search_by_name_ignores_case_accents_and_spacing(string typed)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = $"Cañon City {id}";
        var other = $"Canyon City {id}";
        await SeedAsync(portal, [name, other]);
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(Url(typed, status: "all"));

        Assert.Contains(name, Names(page));
        Assert.DoesNotContain(other, Names(page));
        Assert.All(Names(page), n => Assert.Contains("CANON", MayorsNetwork.Domain.Members.Government.KeyFor(n), StringComparison.Ordinal));
        // The name is shown exactly as stored, accent and all.
        Assert.Contains(page.Document.QuerySelectorAll("[data-testid=applications] a"), a => a.TextContent == name);
        Assert.Equal([name], Names(await staff.GetAsync(Url($"canon CITY {id}", status: "all"))));
    }

    [Fact]
    public async Task A_search_for_a_wildcard_character_matches_it_literally()
    {
        var prefix = Unique("Wildcard");
        await SeedAsync(portal, [prefix + " Springs"]);
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(Url("%", status: "all"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(prefix + " Springs", Names(page));
        Assert.Contains("No applications match.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_filter_shows_only_that_state()
    {
        var prefix = Unique("Statefilter");
        await SeedAsync(portal, [prefix + " Cheyenne"], state: "WY");
        await SeedAsync(portal, [prefix + " Burlington"], state: "VT");
        var staff = await portal.SignedInStaffAsync();

        var wyoming = await staff.GetAsync(Url(prefix, state: "WY"));
        Assert.Equal([prefix + " Cheyenne"], Names(wyoming));
        Assert.Equal("WY", wyoming.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#state")!.Value);
        Assert.Equal([prefix + " Burlington"], Names(await staff.GetAsync(Url(prefix, state: "vt"))));

        var everyWyoming = await staff.GetAsync("/staff/applications?state=WY");
        Assert.Contains(prefix + " Cheyenne", Names(everyWyoming));
        Assert.All(Rows(everyWyoming), row => Assert.Equal("WY", row.QuerySelectorAll("td")[0].TextContent));
    }

    [Fact]
    public async Task More_than_25_applications_are_split_into_pages_oldest_first()
    {
        var prefix = Unique("Pager");
        var names = Enumerable.Range(1, 31).Select(i => $"{prefix} {i:00}").ToList();
        await SeedAsync(portal, names, firstAppliedUtc: DateTime.UtcNow.AddDays(-1));
        var staff = await portal.SignedInStaffAsync();

        var first = await staff.GetAsync(Url(prefix));
        Assert.Equal(names.Take(25), Names(first));
        Assert.Equal("31 found", first.One("[data-testid=result-count]")!.TextContent);
        Assert.Contains("Page 1 of 2", first.Text, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelectorAll(".usa-pagination__link").FirstOrDefault(a => a.TextContent == "Previous"));
        var next = first.Document.QuerySelectorAll(".usa-pagination__link").Single(a => a.TextContent == "Next").GetAttribute("href")!;

        // The link keeps the search, so page 2 holds the rest of the same results.
        var second = await staff.GetAsync(next);
        Assert.Equal(names.Skip(25), Names(second));
        Assert.Contains("Page 2 of 2", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Document.QuerySelectorAll(".usa-pagination__link"), a => a.TextContent == "Next");
        var previous = second.Document.QuerySelectorAll(".usa-pagination__link").Single(a => a.TextContent == "Previous").GetAttribute("href")!;
        Assert.Equal(names.Take(25), Names(await staff.GetAsync(previous)));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "status=Bogus", "Page 1 of 2" },
        { "status=99", "Page 1 of 2" },
        { "p=-3", "Page 1 of 2" },
        { "p=0", "Page 1 of 2" },
        { "p=99999", "Page 2 of 2" },
        { "p=abc", "Page 1 of 2" },
        { "p=99999999999999999999", "Page 1 of 2" },
        { "state=Colorado", "Page 1 of 2" },
        { "state=%3Cscript%3E", "Page 1 of 2" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_value_still_gives_a_page(string bad, string pageShown)
    {
        var prefix = Unique("Oddquery");
        await SeedAsync(portal, Enumerable.Range(1, 27).Select(i => $"{prefix} {i:00}"));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync($"{Url(prefix)}&{bad}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.Text, StringComparison.Ordinal);
        Assert.Contains(pageShown, page.Text, StringComparison.Ordinal);
        Assert.All(Names(page), n => Assert.StartsWith(prefix, n, StringComparison.Ordinal));
        Assert.NotEmpty(Names(page));
    }

    [Fact]
    public async Task A_search_of_500_characters_gives_a_page_that_matches_nothing()
    {
        var prefix = Unique("Longsearch");
        await SeedAsync(portal, [prefix + " Falls"]);
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(Url(prefix + new string('q', 500), status: "all"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.Text, StringComparison.Ordinal);
        // Not ignored (which would list every application as if it matched).
        Assert.Equal("0 found", page.One("[data-testid=result-count]")!.TextContent);
        Assert.Contains("No applications match.", page.Text, StringComparison.Ordinal);
    }
}

public sealed class ApplicationListTests_Sqlite(SqlitePortal portal) : ApplicationListTests(portal), IClassFixture<SqlitePortal>;

public sealed class ApplicationListTests_Postgres(PostgresPortal portal) : ApplicationListTests(portal), IClassFixture<PostgresPortal>;

public sealed class ApplicationListTests_SqlServer(SqlServerPortal portal) : ApplicationListTests(portal), IClassFixture<SqlServerPortal>;

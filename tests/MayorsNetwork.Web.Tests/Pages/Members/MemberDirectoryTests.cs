using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Members;

/// <summary>/members: the public directory of member governments, searched, filtered and paged.</summary>
public abstract class MemberDirectoryTests(PortalFixture portal)
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>The rows of the directory table: name, state, kind, population, mayor, member since.</summary>
    private static List<string[]> Rows(PageResult page) => TableRows(page, "members");

    private static string? PageOf(PageResult page) => page.One("[data-testid=page-of]")?.TextContent.Trim();

    private static List<string> Notices(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=notice]").Select(n => n.TextContent.Trim()).ToList();

    [Fact]
    public async Task Members_are_listed_by_name_then_state_with_kind_population_mayor_and_since()
    {
        var token = Token();
        await CityAsync(portal, name: $"Zuni Falls {token}", state: "NM", mayor: $"Zoe {token}");
        await CityAsync(portal, name: $"Aurora {token}", state: "IL", mayor: $"Ann {token}");
        await CityAsync(portal, name: $"Aurora {token}", state: "CO", mayor: $"Al {token}");
        await CityAsync(portal, MembershipStatus.Grace, name: $"Boulder {token}", mayor: $"Bo {token}");

        var page = await portal.Client().GetAsync($"/members?q={token}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Member directory", page.One("h1")?.TextContent);
        var rows = Rows(page);
        Assert.Equal([($"Aurora {token}", "CO"), ($"Aurora {token}", "IL"), ($"Boulder {token}", "CO"), ($"Zuni Falls {token}", "NM")],
            rows.Select(r => (r[0], r[1])));
        var since = portal.Clock.GetUtcNow().UtcDateTime.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal([$"Aurora {token}", "CO", "City", "108,250", $"Mayor Al {token}", since], rows[0]);
        // A member in its grace period is listed, marked as owing its renewal.
        Assert.Equal($"{since} Renewal due", rows[2][5]);
        Assert.Equal("4 members found", page.One("[data-testid=result-count]")?.TextContent.Trim());
        Assert.Equal("Page 1 of 1", PageOf(page));
    }

    [Theory]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Rejected)]
    [InlineData(MembershipStatus.Withdrawn)]
    public async Task Governments_that_are_not_members_now_are_not_listed(MembershipStatus status)
    {
        var token = Token();
        await CityAsync(portal, status, name: $"Elsewhere {token}");
        await CityAsync(portal, name: $"Member City {token}");

        var page = await portal.Client().GetAsync($"/members?q={token}");

        Assert.Equal([$"Member City {token}"], Rows(page).Select(r => r[0]));
    }

    [Theory]
    [InlineData("espanola")]
    [InlineData("ESPAÑOLA")]
    [InlineData("  Española  ")]
    public async Task Searching_ignores_accents_case_and_spacing(string search)
    {
        var token = Token();
        await CityAsync(portal, name: $"Española {token}", state: "NM");
        await CityAsync(portal, name: $"Santa Fe {token}", state: "NM");

        var page = await portal.Client().GetAsync($"/members?q={Q($"{search} {token}")}");

        Assert.Equal([$"Española {token}"], Rows(page).Select(r => r[0]));
    }

    [Fact]
    public async Task The_state_filter_shows_only_that_states_members_and_keeps_the_search_in_the_form()
    {
        var token = Token();
        await CityAsync(portal, name: $"Las Cruces {token}", state: "NM");
        await CityAsync(portal, name: $"Denver {token}", state: "CO");

        var page = await portal.Client().GetAsync($"/members?q={token}&state=nm");

        Assert.Equal([($"Las Cruces {token}", "NM")], Rows(page).Select(r => (r[0], r[1])));
        Assert.Equal("NM", page.One("#state option[selected]")?.GetAttribute("value"));
        Assert.Equal(token, page.One("#q")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Fifty_members_a_page_with_a_pager_saying_page_1_of_n_and_links_with_p()
    {
        var token = Token();
        for (var i = 0; i < 53; i++) await CityAsync(portal, name: $"Pageville {token} {i:D2}");

        var first = await portal.Client().GetAsync($"/members?q={token}");
        var second = await portal.Client().GetAsync($"/members?q={token}&p=2");

        Assert.Equal(50, Rows(first).Count);
        Assert.Equal($"Pageville {token} 00", Rows(first)[0][0]);
        Assert.Equal("Page 1 of 2", PageOf(first));
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal($"/members?q={token}&p=2", next);
        Assert.Equal([$"Pageville {token} 50", $"Pageville {token} 51", $"Pageville {token} 52"], Rows(second).Select(r => r[0]));
        Assert.Equal("Page 2 of 2", PageOf(second));
        Assert.Equal($"/members?q={token}&p=1", second.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_whole_list_pages_in_the_same_order_as_the_database_to_its_last_page()
    {
        var token = Token();
        for (var i = 0; i < 60; i++) await CityAsync(portal, name: $"Wholeton {token} {i:D2}", state: i % 2 == 0 ? "CO" : "WY");
        var expected = await portal.WithDbAsync(db => db.Memberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Grace)
            .OrderBy(m => m.Government.NameKey).ThenBy(m => m.Government.State)
            .Select(m => m.Government.Name + "|" + m.Government.State).ToListAsync());
        var pages = (expected.Count + 49) / 50;

        var first = await portal.Client().GetAsync("/members");
        var last = await portal.Client().GetAsync($"/members?p={pages}");

        // What bench/Runner reads to find the last page: the text "Page 1 of N" and a link with ?p=2.
        Assert.Equal($"Page 1 of {pages:N0}", PageOf(first));
        Assert.Contains("href=\"/members?p=2\"", first.Html, StringComparison.Ordinal);
        Assert.Equal(expected.Take(50), Rows(first).Select(r => r[0] + "|" + r[1]));
        Assert.Equal(expected.Skip((pages - 1) * 50), Rows(last).Select(r => r[0] + "|" + r[1]));
        Assert.Equal($"Page {pages:N0} of {pages:N0}", PageOf(last));
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("p=0", "A page number is a whole number from 1")]
    [InlineData("p=-1", "A page number is a whole number from 1")]
    [InlineData("p=abc", "A page number is a whole number from 1")]
    [InlineData("p=99999999999999999999", "A page number is a whole number from 1")]
    [InlineData("p=2147483647", "only")]
    [InlineData("state=ZZ", "“ZZ” is not a U.S. state or territory code")]
    [InlineData("state=<script>", "That is not a U.S. state or territory code")]
    public async Task Input_the_page_cannot_use_gives_a_message_and_a_list_not_an_error(string query, string message)
    {
        await CityAsync(portal);
        await CityAsync(portal);

        var page = await portal.Client().GetAsync($"/members?{query}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Notices(page), n => n.Contains(message, StringComparison.Ordinal));
        Assert.NotEmpty(Rows(page));
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_of_a_search_shows_the_last_one_and_says_so()
    {
        var token = Token();
        await CityAsync(portal, name: $"Onlyone {token}");

        var page = await portal.Client().GetAsync($"/members?q={token}&p=7");

        Assert.Equal([$"Onlyone {token}"], Rows(page).Select(r => r[0]));
        Assert.Contains("There is only one page; it is shown.", Notices(page));
    }

    [Fact]
    public async Task A_search_longer_than_any_name_is_ignored_with_a_message()
    {
        await CityAsync(portal);
        // System.Uri carries at most about 65,000 characters, so this is as long a search as a client can send;
        // the real server refuses request lines over 8 KB (414) before the page runs.
        var huge = new string('a', 60_000);

        var page = await portal.Client().GetAsync($"/members?q={huge}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Notices(page), n => n.StartsWith("A search can be at most 120 characters", StringComparison.Ordinal));
        Assert.NotEmpty(Rows(page));
        Assert.True(page.Html.Length < 50_000, "The search is not echoed back.");
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var page = await portal.Client().GetAsync($"/members?q=nowhere-{Token()}&state=VT");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("No member matches", page.One("[data-testid=no-members]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("in Vermont", page.One("[data-testid=no-members]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_primary_navigation_links_to_the_directory()
    {
        var home = await portal.Client().GetAsync("/");

        Assert.Contains(home.Document.QuerySelectorAll("nav[aria-label='Primary navigation'] a"), a => a.GetAttribute("href") == "/members" && a.TextContent.Trim() == "Members");
    }

    [Fact]
    public async Task A_city_that_becomes_a_member_is_listed_at_once_though_the_page_was_cached()
    {
        var token = Token();
        await CityAsync(portal, name: $"Early {token}");
        var before = await portal.Client().GetAsync($"/members?q={token}");

        // Through the app's own database context, as every status change is: the directory's cache is evicted.
        await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var name = $"Late {token}";
            var government = new Government
            {
                Name = name,
                NameKey = Government.KeyFor(name),
                State = "CO",
                Kind = GovernmentKind.City,
                Population = 50_000,
                CensusYear = 2020,
                Mayor = new Contact { Name = "Late Mayor", Email = $"late-{token}@city.example.gov", Phone = "303-555-0100" },
            };
            var membership = Membership.Apply(government, $"seed-{token}", "Seeded applicant", now);
            foreach (var to in new[] { MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active })
                membership.MoveTo(to, null, "Seeder", "Seeded", now);
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
        });
        var after = await portal.Client().GetAsync($"/members?q={token}");

        Assert.Equal([$"Early {token}"], Rows(before).Select(r => r[0]));
        Assert.Equal([$"Early {token}", $"Late {token}"], Rows(after).Select(r => r[0]));
    }
}

public sealed class MemberDirectoryTests_Sqlite(SqlitePortal portal) : MemberDirectoryTests(portal), IClassFixture<SqlitePortal>;

public sealed class MemberDirectoryTests_Postgres(PostgresPortal portal) : MemberDirectoryTests(portal), IClassFixture<PostgresPortal>;

public sealed class MemberDirectoryTests_SqlServer(SqlServerPortal portal) : MemberDirectoryTests(portal), IClassFixture<SqlServerPortal>;

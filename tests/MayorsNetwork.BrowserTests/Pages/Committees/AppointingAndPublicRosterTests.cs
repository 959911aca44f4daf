using MayorsNetwork.BrowserTests.Support;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Committees;

/// <summary>
/// Staff create a task force, appoint a member and then a chair through the forms; the public roster lists
/// the chair first; axe finds no serious or critical violations on the committee pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointingAndPublicRosterTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_appoint_a_member_and_a_chair_and_the_public_roster_shows_the_chair_first()
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        var memberCity = await MemberCityAsync($"Lakeside {token}", "MN", $"Morgan Member {token}");
        var chairCity = await MemberCityAsync($"Hillcrest {token}", "OR", $"Casey Chair {token}");
        var bodyName = $"Coastal Resilience {token} Task Force";

        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await BrowserPortal.SignInAsync(page, await portal.CreateStaffAsync("Sam Staff"));

        await page.GotoAsync("/staff/committees");
        await page.GetByRole(AriaRole.Link, new() { Name = "New body" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(bodyName);
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Task force" });
        await page.GetByLabel("Description (optional)").FillAsync("Sea level rise and **storm surge**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the body" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(bodyName);

        await AppointAsync(page, memberCity, "Member");
        await AppointAsync(page, chairCity, "Chair");
        await Expect(page.GetByTestId("open-seats").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await BrowserPortal.ScreenshotAsync(page, "staff-committee");

        var visitor = await portal.NewPageAsync();
        await using var visitorContext = visitor.Context;
        await visitor.GotoAsync("/committees");
        await visitor.GetByRole(AriaRole.Link, new() { Name = bodyName }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(bodyName);
        var rows = visitor.GetByTestId("roster").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync($"Chair {chairCity.Mayor} {chairCity.Name} OR");
        await Expect(rows.Nth(1)).ToContainTextAsync($"Member {memberCity.Mayor} {memberCity.Name} MN");
        await Expect(visitor.GetByTestId("description").Locator("strong")).ToHaveTextAsync("storm surge");
        await BrowserPortal.ScreenshotAsync(visitor, "committee-roster");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor, output);

        await visitor.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Chair" });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync(chairCity.Mayor);
        await Accessibility.AssertNoSeriousViolationsAsync(visitor, output);
    }

    [Fact]
    public async Task The_committees_list_and_a_mayor_search_have_no_serious_accessibility_violations()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;

        await page.GotoAsync("/committees");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Task forces", Exact = true })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "committees");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Mayor or city name").FillAsync("nobody in particular");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("no-seats-found")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    private static async Task AppointAsync(IPage page, City city, string role)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Appoint a mayor" }).ClickAsync();
        await page.GetByLabel("Find a city or mayor").FillAsync(city.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByLabel("Member city and its mayor").SelectOptionAsync(new SelectOptionValue { Label = $"{city.Name}, {city.State} · {city.Mayor}" });
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Value = role });
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{city.Mayor} is appointed {role.ToLowerInvariant()} of");
    }

    private sealed record City(string Name, string State, string Mayor);

    /// <summary>An Active member city written straight into the database (applying through the form is tested elsewhere).</summary>
    private async Task<City> MemberCityAsync(string name, string state, string mayor)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var government = new Government
        {
            Name = name,
            NameKey = Government.KeyFor(name),
            State = state,
            Kind = GovernmentKind.City,
            Population = 95_000,
            CensusYear = 2020,
            Mayor = new Contact { Name = mayor, Email = $"mayor-{Guid.NewGuid():N}@city.example.gov", Phone = "555-555-0100" },
            Liaison = new Contact { Name = "Lee Liaison", Email = $"liaison-{Guid.NewGuid():N}@city.example.gov", Phone = "555-555-0101" },
            Billing = new Contact { Name = "Finance Office", Email = $"billing-{Guid.NewGuid():N}@city.example.gov", Phone = "555-555-0102" },
            BillingAddress = "1 Main Street",
        };
        var membership = Membership.Apply(government, "seed", "Seeded applicant", now);
        foreach (var to in new[] { MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active })
            membership.MoveTo(to, null, "Seeder", "Seeded", now);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return new City(name, state, mayor);
    }
}

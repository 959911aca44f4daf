using MayorsNetwork.Web.Tests.Support;
using Microsoft.Playwright;

namespace MayorsNetwork.BrowserTests.Support;

/// <summary>Fills the /join form in the browser by its visible labels, group by group, as a person would.</summary>
public static class JoinForm
{
    /// <summary>Fills every field except the population (tests type that themselves) from a valid application.</summary>
    public static async Task FillAllButPopulationAsync(IPage page, Dictionary<string, string?> a)
    {
        var government = page.GetByRole(AriaRole.Group, new() { Name = "Your government" });
        await government.GetByLabel("Name of the city, county, town or Tribal nation").FillAsync(a["Input.Name"]!);
        await government.GetByLabel("Kind of government").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await government.GetByLabel("State").SelectOptionAsync(a["Input.State"]!);
        await government.GetByLabel("Year of that census").FillAsync(a["Input.CensusYear"]!);

        var mayor = page.GetByRole(AriaRole.Group, new() { Name = "The mayor or chief elected official" });
        await mayor.GetByLabel("Full name").FillAsync(a["Input.MayorName"]!);
        await mayor.GetByLabel("Title").FillAsync(a["Input.MayorTitle"]!);
        await mayor.GetByLabel("Email address").FillAsync(a["Input.MayorEmail"]!);
        await mayor.GetByLabel("Phone number").FillAsync(a["Input.MayorPhone"]!);
        await mayor.GetByLabel("Term ends").FillAsync(a["Input.MayorTermEnds"]!);

        var liaison = page.GetByRole(AriaRole.Group, new() { Name = "Staff liaison" });
        await liaison.GetByLabel("Full name").FillAsync(a["Input.LiaisonName"]!);
        await liaison.GetByLabel("Email address").FillAsync(a["Input.LiaisonEmail"]!);
        await liaison.GetByLabel("Phone number").FillAsync(a["Input.LiaisonPhone"]!);

        var billing = page.GetByRole(AriaRole.Group, new() { Name = "Billing contact" });
        await billing.GetByLabel("Full name").FillAsync(a["Input.BillingName"]!);
        await billing.GetByLabel("Email address").FillAsync(a["Input.BillingEmail"]!);
        await billing.GetByLabel("Phone number").FillAsync(a["Input.BillingPhone"]!);
        await billing.GetByLabel("Mailing address for invoices").FillAsync(a["Input.BillingAddress"]!);

        var account = page.GetByRole(AriaRole.Group, new() { Name = "Your account" });
        await account.GetByLabel("Your full name").FillAsync(a["Input.ApplicantName"]!);
        await account.GetByLabel("Your email address").FillAsync(a["Input.ApplicantEmail"]!);
        await account.GetByLabel("Password", new() { Exact = true }).FillAsync(PortalFixture.Password);
        await account.GetByLabel("Password again").FillAsync(PortalFixture.Password);
    }

    /// <summary>Applies for a new city with the given population, from an empty /join form; returns the application's values.</summary>
    public static async Task<Dictionary<string, string?>> ApplyAsync(IPage page, int population)
    {
        var application = Applications.Valid(population: population);
        await page.GotoAsync("/join");
        await FillAllButPopulationAsync(page, application);
        await page.GetByLabel("Population", new() { Exact = true }).FillAsync(application["Input.Population"]!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Application received" })).ToBeVisibleAsync();
        return application;
    }
}

using MayorsNetwork.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Dues;

[Collection(BrowserCollection.Name)]
public sealed class CalculatingDuesThenApplyingTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_mayor_calculates_the_dues_follows_apply_sees_the_live_first_year_dues_and_submits()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;

        // The calculator: 45,000 residents fall in the first ICLEI tier.
        await page.GotoAsync("/dues");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Population" }).FillAsync("45,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate dues" }).ClickAsync();
        var result = page.Locator("#dues-result");
        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Annual dues for a population of 45,000");
        await Expect(result.GetByTestId("dues-amount")).ToHaveTextAsync("$600.00");
        await Expect(result.GetByTestId("dues-bracket")).ToHaveTextAsync("0 to 49,999");
        await Expect(result.GetByTestId("dues-formula")).ToHaveTextAsync("Flat amount for this bracket: $600.00");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Annual dues by population" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("circle.dues-point")).ToHaveCountAsync(1);
        await Expect(chart.Locator("text.dues-point-label")).ToHaveTextAsync("$600.00");
        await Expect(chart.Locator("desc")).ToHaveTextAsync("A population of 45,000 pays $600.00 a year.");
        await BrowserPortal.ScreenshotAsync(page, "dues-45000");

        // On to the application, which keeps the population.
        await result.GetByRole(AriaRole.Link, new() { Name = "Apply for membership" }).ClickAsync();
        await page.WaitForURLAsync("**/join?population=45000");
        var population = page.GetByLabel("Population", new() { Exact = true });
        await Expect(population).ToHaveValueAsync("45,000");

        var application = MayorsNetwork.Web.Tests.Support.Applications.Valid(population: 45_000);
        await JoinForm.FillAllButPopulationAsync(page, application);

        // Typing the population shows the first year's dues (25% new-member discount) without a reload.
        var preview = page.Locator("#dues-preview-text");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await population.FillAsync("");
        await Expect(preview).ToContainTextAsync("Enter the population");
        await population.PressSequentiallyAsync("45000");
        await Expect(preview).ToContainTextAsync("First year: $450.00");
        await Expect(preview).ToContainTextAsync("$600.00 less the new-member discount of $150.00");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page reloaded to show the dues.");
        await BrowserPortal.ScreenshotAsync(page, "join-filled");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Application received" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"We have received the membership application for {application["Input.Name"]}");
        await BrowserPortal.ScreenshotAsync(page, "join-submitted");

        var mail = await portal.Mail.WaitForAsync(application["Input.ApplicantEmail"]!, "membership application");
        Assert.Contains("$450.00", mail.Text, StringComparison.Ordinal);
    }
}

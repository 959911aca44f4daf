using MayorsNetwork.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests;

/// <summary>axe-core on the main pages, as rendered in Chromium: no serious or critical violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task The_check_fails_naming_the_rules_and_targets_on_a_page_with_an_unlabelled_field_and_an_image_without_text()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.SetContentAsync("""<!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1><img id="logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="nameless" type="text"></main></body></html>""");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#logo", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#nameless", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_has_no_serious_accessibility_violations()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "home");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task The_dues_calculator_with_a_result_has_no_serious_accessibility_violations()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/dues?population=45000");
        await Expect(page.GetByTestId("dues-amount")).ToHaveTextAsync("$600.00");
        await BrowserPortal.ScreenshotAsync(page, "dues");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task The_application_form_has_no_serious_accessibility_violations()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/join");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit application" })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "join");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task The_application_form_showing_errors_has_no_serious_accessibility_violations()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/join");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Please correct the following" })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "join-errors");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [Fact]
    public async Task The_staff_list_of_applications_has_no_serious_accessibility_violations()
    {
        var mayor = await portal.NewPageAsync();
        await using (mayor.Context)
        {
            await JoinForm.ApplyAsync(mayor, population: 120_000);
        }

        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await BrowserPortal.SignInAsync(page, await portal.CreateStaffAsync());
        await page.GotoAsync("/staff/applications");
        await Expect(page.GetByTestId("applications").GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(page, "staff-applications");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}

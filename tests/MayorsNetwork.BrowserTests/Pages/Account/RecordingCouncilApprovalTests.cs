using System.Globalization;
using MayorsNetwork.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Account;

/// <summary>
/// Issue 14, item 5 in the browser: a city's billing contact, on a phone, records that payment of an unpaid invoice
/// awaits council approval; a date too far after the due date is refused with a message first. The page fits the screen
/// and has no serious accessibility violations, before and after the refusal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordingCouncilApprovalTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_billing_contact_records_on_a_phone_that_payment_awaits_council_approval()
    {
        var (email, number) = await AddingAPurchaseOrderNumberTests.SeedUnpaidInvoiceAsync(portal);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await using var context = page.Context;
        await BrowserPortal.SignInAsync(page, email);

        await page.GotoAsync("/account/invoices");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Awaiting council approval? for invoice {number}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Council approval for invoice {number}");
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Payment expected by").FillAsync(Iso(due.AddDays(121)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#Input_ExpectedBy-error")).ToContainTextAsync($"The date can be at most 120 days after the due date ({Day(due)}): {Day(due.AddDays(120))} at the latest.");
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Payment expected by").FillAsync(Iso(due.AddDays(14)));
        await page.GetByLabel("Note (optional)").FillAsync("On the council's agenda for its second meeting of the month");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invoice {number}: payment awaits council approval, expected by {Day(due.AddDays(14))}.");
        var row = page.GetByTestId("invoices").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = number }) });
        await Expect(row.GetByTestId("council")).ToHaveTextAsync($"Awaiting council approval, expected by {Day(due.AddDays(14))}");
        // The invoices table scrolls inside its own container: the page itself does not scroll sideways at 390px.
        await AssertFitsAsync(page);
        await Expect(page.GetByTestId("invoices-scroll")).ToHaveCSSAsync("overflow-x", "auto");
        await BrowserPortal.ScreenshotAsync(page, "account-invoices-council-phone");
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]}px wide on a {widths[1]}px screen, so it scrolls sideways.");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

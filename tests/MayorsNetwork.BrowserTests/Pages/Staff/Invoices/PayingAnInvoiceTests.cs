using System.Text;
using MayorsNetwork.BrowserTests.Support;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Staff.Invoices;

/// <summary>
/// From application to paid membership in the browser: the city applies and confirms its address, staff
/// approve it, wait for the worker to email the invoice, record the payment; the mayor's office sees the
/// membership Active and downloads the paid invoice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayingAnInvoiceTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_approve_see_the_invoice_Sent_record_the_full_payment_and_the_mayors_office_sees_Active_and_downloads_the_paid_pdf()
    {
        var mayor = await portal.NewPageAsync();
        await using var mayorContext = mayor.Context;
        var application = await ApplyAndConfirmAsync(mayor);
        var city = application["Input.Name"]!;

        var staff = await portal.NewPageAsync();
        await using var staffContext = staff.Context;
        await BrowserPortal.SignInAsync(staff, await portal.CreateStaffAsync("Pat Payments"));
        await ApproveAsync(staff, city);
        var number = await OpenInvoiceAsync(staff, city);

        // The worker emails the invoice in the background; the page shows Sent once it has.
        await WaitUntilSentAsync(staff);
        await Expect(staff.GetByTestId("emails").GetByTestId("email-status")).ToHaveTextAsync("Sent");
        await Expect(staff.GetByTestId("no-payments")).ToHaveTextAsync("No payments recorded.");
        var balance = (await staff.GetByTestId("balance").TextContentAsync())!.Trim();
        Assert.StartsWith("$", balance, StringComparison.Ordinal);
        Assert.NotEqual("$0.00", balance);
        await Expect(staff.GetByTestId("total")).ToHaveTextAsync(balance);

        // The full balance, by check, as staff type it from the page.
        var form = staff.GetByRole(AriaRole.Form, new() { Name = "Record a payment" });
        await form.GetByLabel("Amount received").FillAsync(balance);
        await form.GetByLabel("Method").SelectOptionAsync(new SelectOptionValue { Label = "Check" });
        await form.GetByLabel("Reference (optional)").FillAsync("Check 4417");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();

        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync(
            $"Payment of {balance} recorded. Invoice {number} is paid in full; {city}'s membership is Active.");
        await Expect(staff.GetByTestId("status")).ToHaveTextAsync("Paid");
        await Expect(staff.GetByTestId("paid")).ToHaveTextAsync(balance);
        await Expect(staff.GetByTestId("balance")).ToHaveTextAsync("$0.00");
        var payment = staff.GetByTestId("payments").Locator("tbody tr");
        await Expect(payment).ToHaveCountAsync(1);
        await Expect(payment).ToContainTextAsync(balance);
        await Expect(payment).ToContainTextAsync("Check 4417");
        await Expect(payment).ToContainTextAsync("Pat Payments");
        await Expect(staff.GetByRole(AriaRole.Form, new() { Name = "Record a payment" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("(membership Active)");
        await BrowserPortal.ScreenshotAsync(staff, "staff-invoice-paid");

        // The mayor's office signs in and sees its membership Active and nothing left to pay.
        await BrowserPortal.SignInAsync(mayor, application["Input.ApplicantEmail"]!);
        await mayor.GotoAsync("/account");
        await Expect(mayor.GetByTestId("membership-status")).ToHaveTextAsync("Active");
        await Expect(mayor.GetByTestId("membership-history")).ToContainTextAsync($"Invoice {number} paid in full");
        await Expect(mayor.GetByTestId("invoices-summary")).ToContainTextAsync("No invoice is waiting for payment.");
        await BrowserPortal.ScreenshotAsync(mayor, "account-active");
        await Accessibility.AssertNoSeriousViolationsAsync(mayor, output);

        await mayor.GetByRole(AriaRole.Link, new() { Name = "See your city's invoices and download them" }).ClickAsync();
        await Expect(mayor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Invoices for {city}, {application["Input.State"]}");
        var row = mayor.GetByTestId("invoices").GetByRole(AriaRole.Row).Filter(new() { Has = mayor.GetByRole(AriaRole.Rowheader, new() { Name = number }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("Paid");
        await Expect(row.GetByTestId("balance")).ToHaveTextAsync("$0.00");
        await BrowserPortal.ScreenshotAsync(mayor, "account-invoices");
        await Accessibility.AssertNoSeriousViolationsAsync(mayor, output);

        var download = await mayor.RunAndWaitForDownloadAsync(() =>
            row.GetByRole(AriaRole.Link, new() { Name = $"PDF of invoice {number}" }).ClickAsync());
        Assert.Equal($"Invoice-{number}.pdf", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var file = Path.Combine(Path.GetTempPath(), $"mn-download-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 4 && Encoding.ASCII.GetString(bytes, 0, 4) == "%PDF", "The download is not a PDF: it does not start with %PDF.");
            var text = await Workflow.PdfTextAsync(bytes);
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.Contains("PAID IN FULL", text, StringComparison.Ordinal);
            Assert.Contains(city, text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_invoice_pages_of_staff_and_of_the_mayors_office_have_no_serious_accessibility_violations()
    {
        var mayor = await portal.NewPageAsync();
        await using var mayorContext = mayor.Context;
        var application = await ApplyAndConfirmAsync(mayor);
        var city = application["Input.Name"]!;

        var staff = await portal.NewPageAsync();
        await using var staffContext = staff.Context;
        await BrowserPortal.SignInAsync(staff, await portal.CreateStaffAsync());
        await ApproveAsync(staff, city);

        await staff.GotoAsync("/staff/invoices");
        await Expect(staff.GetByTestId("invoices").GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(staff, "staff-invoices");
        await Accessibility.AssertNoSeriousViolationsAsync(staff, output);

        var number = await OpenInvoiceAsync(staff, city);
        await Expect(staff.GetByRole(AriaRole.Form, new() { Name = "Record a payment" })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(staff, "staff-invoice-open");
        await Accessibility.AssertNoSeriousViolationsAsync(staff, output);

        // With the form's errors showing.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(staff.GetByText("Enter the amount received.").First).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(staff, "staff-invoice-errors");
        await Accessibility.AssertNoSeriousViolationsAsync(staff, output);

        await BrowserPortal.SignInAsync(mayor, application["Input.ApplicantEmail"]!);
        await mayor.GotoAsync("/account");
        await Expect(mayor.GetByTestId("membership-status")).ToHaveTextAsync("Invoiced");
        await Accessibility.AssertNoSeriousViolationsAsync(mayor, output);

        await mayor.GotoAsync("/account/invoices");
        await Expect(mayor.GetByTestId("invoices").GetByRole(AriaRole.Rowheader, new() { Name = number })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(mayor, output);
    }

    /// <summary>Applies through /join and opens the confirmation link from the email, as the applicant would.</summary>
    private async Task<Dictionary<string, string?>> ApplyAndConfirmAsync(IPage page)
    {
        var application = await JoinForm.ApplyAsync(page, population: 108_250);
        var email = application["Input.ApplicantEmail"]!;
        var received = await portal.Mail.WaitForAsync(email, "membership application");
        await page.GotoAsync(new Uri(received.Link("/account/confirmemail")).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email address confirmed" })).ToBeVisibleAsync();
        return application;
    }

    private static async Task ApproveAsync(IPage staff, string city)
    {
        await staff.GotoAsync("/staff/applications");
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync(city);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await staff.GetByTestId("applications").GetByRole(AriaRole.Link, new() { Name = city }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(staff.GetByTestId("status")).ToHaveTextAsync("Invoiced");
    }

    /// <summary>Finds the city's invoice in /staff/invoices and opens it; returns its number.</summary>
    private static async Task<string> OpenInvoiceAsync(IPage staff, string city)
    {
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "Invoices" }).ClickAsync();
        await staff.GetByLabel("Member or invoice number").FillAsync(city);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(staff.GetByTestId("result-count")).ToHaveTextAsync("1 found");
        var row = staff.GetByTestId("invoices").Locator("tbody tr");
        await Expect(row).ToContainTextAsync(city);
        var link = row.GetByRole(AriaRole.Link);
        var number = (await link.TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        await link.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Invoice {number}");
        return number;
    }

    /// <summary>Reloads the invoice until the worker has emailed it (bounded: a broken worker fails in 30 seconds).</summary>
    private static async Task WaitUntilSentAsync(IPage staff)
    {
        var status = staff.GetByTestId("status");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await status.TextContentAsync())?.Trim() != "Sent")
        {
            Assert.True(DateTime.UtcNow < deadline, $"The invoice was still '{await status.TextContentAsync()}' after 30 seconds; the worker did not email it.");
            await staff.WaitForTimeoutAsync(250);
            await staff.ReloadAsync();
        }
    }
}

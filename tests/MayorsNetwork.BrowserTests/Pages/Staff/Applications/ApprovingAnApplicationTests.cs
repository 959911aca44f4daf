using MayorsNetwork.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Staff.Applications;

[Collection(BrowserCollection.Name)]
public sealed class ApprovingAnApplicationTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_sign_in_find_the_new_application_and_approve_it()
    {
        var mayor = await portal.NewPageAsync();
        await using (mayor.Context)
        {
            var application = await JoinForm.ApplyAsync(mayor, population: 72_000);
            var city = application["Input.Name"]!;

            var staffEmail = await portal.CreateStaffAsync("Sam Staff");
            var page = await portal.NewPageAsync();
            await using var staffContext = page.Context;
            await BrowserPortal.SignInAsync(page, staffEmail);

            await page.GotoAsync("/staff/applications");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(city);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            var row = page.GetByTestId("applications").GetByRole(AriaRole.Row).Filter(new() { HasText = city });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Applied");
            await row.GetByRole(AriaRole.Link, new() { Name = city }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{city}, {application["Input.State"]}");
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Applied");
            await Expect(page.GetByTestId("quote")).ToContainTextAsync("$900.00");
            await BrowserPortal.ScreenshotAsync(page, "staff-detail");

            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Invoiced");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved: the applicant has been emailed.");
            await Expect(page.GetByTestId("history")).ToContainTextAsync("Sam Staff");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
            await BrowserPortal.ScreenshotAsync(page, "staff-detail-approved");

            await portal.Mail.WaitForAsync(application["Input.ApplicantEmail"]!, "is approved for membership");
        }
    }
}

using System.Text;
using MayorsNetwork.BrowserTests.Support;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Account;

/// <summary>
/// Issue 14's browser proof for item 2: a city's billing contact, on a phone, adds the purchase-order number its
/// finance office needs to an unpaid invoice and downloads the invoice again with it in the header.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AddingAPurchaseOrderNumberTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_billing_contact_adds_a_PO_number_on_a_phone_and_downloads_the_re_rendered_pdf()
    {
        var (email, number) = await SeedUnpaidInvoiceAsync(portal);
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await using var context = page.Context;
        await BrowserPortal.SignInAsync(page, email);

        await page.GotoAsync("/account/invoices");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add PO or vendor number for invoice {number}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"PO and vendor numbers for invoice {number}");
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // A mistake first: a number pasted with an invisible zero-width space (the field's maxlength keeps it to 40) is refused.
        await page.GetByLabel("Purchase-order (PO) number").FillAsync("PO\u200B4500012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#Input_PurchaseOrderNumber-error")).ToHaveTextAsync(
            "The purchase-order number can hold only printable characters (letters, digits, punctuation and spaces); character 3 is not one.");
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Purchase-order (PO) number").FillAsync("PO 4500012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invoice {number} saved: its PDF now shows PO number PO 4500012345");
        var row = page.GetByTestId("invoices").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = number }) });
        await Expect(row.GetByTestId("po")).ToContainTextAsync("PO 4500012345");
        await BrowserPortal.ScreenshotAsync(page, "account-invoices-po-phone");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = $"PDF of invoice {number}" }).ClickAsync());
        Assert.Equal($"Invoice-{number}.pdf", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"mn-download-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            var text = await Workflow.PdfTextAsync(bytes);
            Assert.Matches(@"PO number\s+PO 4500012345", text);
            Assert.Contains(number, text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]}px wide on a {widths[1]}px screen, so it scrolls sideways.");
    }

    /// <summary>A member city with an unpaid (sent) invoice issued today, and its billing contact's account, confirmed and linked to the city.</summary>
    internal static async Task<(string Email, string Number)> SeedUnpaidInvoiceAsync(BrowserPortal portal)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"billing-{id}@charlottenc.example.gov";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var government = new Government
        {
            Name = $"Charlotte {id}",
            NameKey = Government.KeyFor($"Charlotte {id}"),
            State = "NC",
            Kind = GovernmentKind.City,
            Population = 874_579,
            CensusYear = 2020,
            Mayor = new Contact { Name = "Vi Lyles", Email = $"mayor-{id}@charlottenc.example.gov", Phone = "704-555-0100" },
            Liaison = new Contact { Name = "Lee Liaison", Email = $"liaison-{id}@charlottenc.example.gov", Phone = "704-555-0101" },
            Billing = new Contact { Name = "Bea Billing", Email = email, Phone = "704-555-0102" },
            BillingAddress = "600 East Fourth Street\nCharlotte, NC 28202",
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var membership = Membership.Apply(government, $"seed-{id}", "Seeded applicant", now);
        membership.MoveTo(MembershipStatus.Approved, null, "Seeder", "Seeded", now);
        var sequence = await InvoiceNumberAllocator.NextAsync(db, 2150, CancellationToken.None);
        var quote = DefaultDuesSchedules.IcleiUsaTiers(2150).Quote(government.Population, newMember: true);
        var invoice = Invoice.Create(membership, sequence, quote, new FiscalYear(2150, 1), InvoiceKind.FirstYear, DateOnly.FromDateTime(now), 30, 25m);
        invoice.MarkSent();
        membership.MoveTo(MembershipStatus.Invoiced, null, "Seeder", $"Invoice {invoice.Number} issued", now);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Bea Billing", GovernmentId = government.Id, CreatedAtUtc = now };
        var created = await users.CreateAsync(user, BrowserPortal.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return (email, invoice.Number);
    }
}

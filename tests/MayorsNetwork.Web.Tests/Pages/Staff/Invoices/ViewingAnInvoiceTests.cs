using System.Net;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>/staff/invoices/{id} shows the invoice as issued and its email; /staff/invoices/{id}/pdf downloads it.</summary>
public abstract class ViewingAnInvoiceTests(PortalFixture portal)
{
    [Fact]
    public async Task The_invoice_shows_its_lines_total_terms_and_the_email_that_was_sent()
    {
        var approved = await Workflow.ApplyAndApproveAsync(portal, population: 108_250);
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        await InvoiceSeeds.WaitUntilSentAsync(portal, invoice.Id);

        var page = await approved.Staff.GetAsync($"/staff/invoices/{invoice.Id}");

        Assert.Contains($"Invoice {invoice.Number}", page.One("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sent", page.One("[data-testid=status]")!.TextContent.Trim());
        var lines = page.Document.QuerySelectorAll("[data-testid=lines] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("Membership dues", lines[0], StringComparison.Ordinal);
        Assert.Contains("$1,750.00", lines[0], StringComparison.Ordinal);
        Assert.Contains("New-member discount", lines[1], StringComparison.Ordinal);
        Assert.Contains("-$437.50", lines[1], StringComparison.Ordinal);
        Assert.Equal("$1,312.50", page.One("[data-testid=total]")!.TextContent.Trim());
        Assert.Equal("$1,312.50", page.One("[data-testid=balance]")!.TextContent.Trim());
        Assert.Contains("No payments recorded.", page.Text, StringComparison.Ordinal);
        Assert.Contains(approved.Form["Input.Name"]!, page.Text, StringComparison.Ordinal);
        Assert.Contains(approved.Form["Input.BillingEmail"]!, page.Text, StringComparison.Ordinal);
        Assert.Contains(invoice.DueOn.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US")), page.One("[data-testid=due]")!.TextContent, StringComparison.Ordinal);
        var email = page.One("[data-testid=emails] tbody tr")!.TextContent;
        Assert.Contains("Sent", email, StringComparison.Ordinal);
        Assert.Contains(approved.Form["Input.BillingEmail"]!, email, StringComparison.Ordinal);
        Assert.Contains($"cc {approved.Form["Input.MayorEmail"]}", email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_download_any_invoice_as_a_pdf_named_after_its_number()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2096, new($"Pdfton {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();
        var page = await staff.GetAsync($"/staff/invoices/{invoice.Id}");

        var response = await staff.Http.GetAsync(page.One("[data-testid=pdf]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Invoice-{invoice.Number}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await Workflow.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains(invoice.MemberName, text, StringComparison.Ordinal);
        Assert.Contains("$1,312.50", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_void_invoice_downloads_stamped_void()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2097, new($"Voidpdf {InvoiceSeeds.Token()}", MayorsNetwork.Domain.Invoices.InvoiceStatus.Void));
        var staff = await portal.SignedInStaffAsync();

        var response = await staff.Http.GetAsync($"/staff/invoices/{invoice.Id}/pdf");

        Assert.Contains("VOID", await InvoiceSeeds.PdfRawTextAsync(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/invoices/999999")]
    [InlineData("/staff/invoices/999999/pdf")]
    public async Task An_unknown_invoice_is_not_found(string url)
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }
}

public sealed class ViewingAnInvoiceTests_Sqlite(SqlitePortal portal) : ViewingAnInvoiceTests(portal), IClassFixture<SqlitePortal>;

public sealed class ViewingAnInvoiceTests_Postgres(PostgresPortal portal) : ViewingAnInvoiceTests(portal), IClassFixture<PostgresPortal>;

public sealed class ViewingAnInvoiceTests_SqlServer(SqlServerPortal portal) : ViewingAnInvoiceTests(portal), IClassFixture<SqlServerPortal>;

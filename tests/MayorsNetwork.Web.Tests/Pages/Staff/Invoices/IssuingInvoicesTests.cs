using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>Approval issues the first invoice; the worker renders it as a PDF and emails it to the city.</summary>
public abstract class IssuingInvoicesTests(PortalFixture portal)
{
    [Fact]
    public async Task Approval_issues_the_first_invoice_and_the_worker_emails_it_with_its_pdf()
    {
        var approved = await Workflow.ApplyAndApproveAsync(portal, population: 108_250);

        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        // 100,000–200,000: $1,750, less the 25% new-member discount: $1,312.50.
        Assert.Equal(1_312.50m, invoice.Total);
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Matches(@"^\d{4}-\d{6}$", invoice.Number);
        Assert.Equal(invoice.IssuedOn.AddDays(30), invoice.DueOn);
        Assert.Equal(approved.Form["Input.BillingEmail"], invoice.BillingEmail);

        var application = await approved.Staff.GetAsync($"/staff/applications/{approved.MembershipId}");
        var link = application.One("[data-testid=invoice-link]")!;
        Assert.Equal($"Invoice {invoice.Number}", link.TextContent);
        Assert.Equal($"/staff/invoices/{invoice.Id}", link.GetAttribute("href"));

        var mail = await portal.Mail.WaitForAsync(approved.Form["Input.BillingEmail"]!, invoice.Number);
        Assert.Contains(approved.Form["Input.MayorEmail"]!, mail.Cc);
        Assert.Contains("$1,312.50", mail.Text, StringComparison.Ordinal);
        Assert.Contains("$1,312.50", mail.Html, StringComparison.Ordinal);
        var (fileName, contentType, pdf) = Assert.Single(mail.Attachments);
        Assert.Equal($"Invoice-{invoice.Number}.pdf", fileName);
        Assert.Equal("application/pdf", contentType);
        Assert.InRange(pdf.Length, 1_000, 60 * 1024);

        var text = await Workflow.PdfTextAsync(pdf);
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains(approved.Form["Input.Name"]!, text, StringComparison.Ordinal);
        Assert.Contains("$1,312.50", text, StringComparison.Ordinal);
        Assert.Contains(invoice.DueOn.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US")), text, StringComparison.Ordinal);
        Assert.Contains("1777 Broadway", text, StringComparison.Ordinal);

        var sent = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal(InvoiceStatus.Sent, sent.Status);
        var job = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.InvoiceId == invoice.Id));
        Assert.Equal(OutboxStatus.Sent, job.Status);
        Assert.Equal(job.MessageId, mail.MessageId);
    }

    [Theory]
    [InlineData("Kāneʻohe")]
    [InlineData("Española")]
    [InlineData("Cañon City")]
    [InlineData("Αθήνα")]
    [InlineData("Москва")]
    public async Task Accented_and_non_Latin_names_render_in_the_pdf_exactly(string name)
    {
        var approved = await Workflow.ApplyAndApproveAsync(portal);
        var cityName = await portal.WithDbAsync(async db =>
        {
            var g = await db.Governments.SingleAsync(x => x.Name == approved.Form["Input.Name"]);
            return g.Name;
        });
        // Rendered from a copy with the name changed, not saved: the worker may be updating the invoice meanwhile.
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(x => x.Payments).SingleAsync(x => x.MembershipId == approved.MembershipId));
        invoice.MemberName = $"{name} {cityName[^8..]}";

        var pdf = MayorsNetwork.Infrastructure.Pdf.InvoicePdf.Render(invoice, new MayorsNetwork.Infrastructure.Invoices.InvoiceOptions());
        var text = await Workflow.PdfTextAsync(pdf);

        Assert.Contains(invoice.MemberName, text, StringComparison.Ordinal);
    }
}

public sealed class IssuingInvoicesTests_Sqlite(SqlitePortal portal) : IssuingInvoicesTests(portal), IClassFixture<SqlitePortal>;

public sealed class IssuingInvoicesTests_Postgres(PostgresPortal portal) : IssuingInvoicesTests(portal), IClassFixture<PostgresPortal>;

public sealed class IssuingInvoicesTests_SqlServer(SqlServerPortal portal) : IssuingInvoicesTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account.Invoices;

/// <summary>/account/invoices: a city's own invoices and their PDFs, and nothing of any other city's.</summary>
public abstract class MemberInvoicesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_sees_their_citys_invoices_with_status_and_balance_and_no_others()
    {
        var token = InvoiceSeeds.Token();
        var own = await InvoiceSeeds.AddAsync(portal, 2101, new InvoiceSeeds.Spec($"Owntown {token}", InvoiceStatus.Sent));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2101, new($"Elsewhere {token}", InvoiceStatus.Sent));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, own[0].GovernmentId);

        var page = await member.GetAsync("/account/invoices");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Invoices for Owntown {token}, CO", page.One("h1")!.TextContent, StringComparison.Ordinal);
        var row = page.One($"tr[data-number='{own[0].Number}']")!;
        Assert.Equal("Sent", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal("$1,312.50", row.QuerySelector("[data-testid=balance]")!.TextContent.Trim());
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=invoices] tbody tr"));
        Assert.DoesNotContain(other.Number, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere", page.Html, StringComparison.Ordinal);

        var account = await member.GetAsync("/account");
        Assert.Contains("One invoice is waiting for payment.", account.One("[data-testid=invoices-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_downloads_their_own_invoice_pdf()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2102, new($"Downloadton {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var page = await member.GetAsync("/account/invoices");

        var response = await member.Http.GetAsync(page.One($"tr[data-number='{invoice.Number}'] [data-testid=pdf]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Invoice-{invoice.Number}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await Workflow.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains(invoice.MemberName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citys_invoice_is_not_found_and_nothing_of_it_is_shown()
    {
        var token = InvoiceSeeds.Token();
        var own = await InvoiceSeeds.AddOneAsync(portal, 2103, new($"Hometown {token}"));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2103, new($"Secretville {token}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, own.GovernmentId);

        var response = await member.Http.GetAsync($"/account/invoices/{other.Number}/pdf");
        var body = await response.Content.ReadAsStringAsync();
        var unknown = await member.Http.GetAsync("/account/invoices/1999-000001/pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Number, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretville", body, StringComparison.Ordinal);
        // The same answer as for a number that does not exist at all (but for the page's own antiforgery token).
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(WithoutTokens(body), WithoutTokens(await unknown.Content.ReadAsStringAsync()));
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");

    [Fact]
    public async Task An_applicant_without_a_linked_city_sees_no_invoices_yet()
    {
        var form = Applications.Valid();
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Client().SubmitFormAsync("/join", form)).Status);
        var mail = await portal.Mail.WaitForAsync(form["Input.ApplicantEmail"]!, "membership application");
        var applicant = portal.Client();
        await applicant.GetAsync(new Uri(mail.Link("/account/confirmemail")).PathAndQuery);
        await applicant.SignInAsync(form["Input.ApplicantEmail"]!, PortalFixture.Password);
        var someInvoice = await InvoiceSeeds.AddOneAsync(portal, 2104, new($"Someone {InvoiceSeeds.Token()}"));

        var page = await applicant.GetAsync("/account/invoices");
        var pdf = await applicant.Http.GetAsync($"/account/invoices/{someInvoice.Number}/pdf");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("There are no invoices yet.", page.One("[data-testid=no-invoices]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.One("[data-testid=invoices]"));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Null((await applicant.GetAsync("/account")).One("[data-testid=invoices-summary]"));
    }
}

public sealed class MemberInvoicesTests_Sqlite(SqlitePortal portal) : MemberInvoicesTests(portal), IClassFixture<SqlitePortal>;

public sealed class MemberInvoicesTests_Postgres(PostgresPortal portal) : MemberInvoicesTests(portal), IClassFixture<PostgresPortal>;

public sealed class MemberInvoicesTests_SqlServer(SqlServerPortal portal) : MemberInvoicesTests(portal), IClassFixture<SqlServerPortal>;

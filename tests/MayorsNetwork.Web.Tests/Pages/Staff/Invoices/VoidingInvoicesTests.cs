using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>Voiding an invoice at /staff/invoices/{id}: with a reason, once, and never once money was received.</summary>
public abstract class VoidingInvoicesTests(PortalFixture portal)
{
    private const string VoidForm = "form[data-testid=void]";

    private static Dictionary<string, string?> Because(string reason) => new() { ["Input.Reason"] = reason };

    private Task<Invoice> InvoiceAsync(int id) => portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task Voiding_with_a_reason_marks_the_invoice_void_and_shows_why()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2090, new($"Voidable {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync("Val Voider");

        var posted = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Because("Issued to the wrong city"), VoidForm);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var page = await staff.GetAsync(posted.Location!);
        Assert.Contains("The invoice is void.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Void", page.One("[data-testid=status]")!.TextContent.Trim());
        var reason = page.One("[data-testid=void-reason]")!.TextContent;
        Assert.Contains("Issued to the wrong city", reason, StringComparison.Ordinal);
        Assert.Contains("Val Voider", reason, StringComparison.Ordinal);
        Assert.Null(page.One(VoidForm));
        Assert.Null(page.One("form[data-testid=pay]"));
        Assert.Null(page.One("form[data-testid=resend]"));
        var saved = await InvoiceAsync(invoice.Id);
        Assert.Equal(InvoiceStatus.Void, saved.Status);
        Assert.Equal("Issued to the wrong city", saved.VoidReason);
        Assert.Equal("Val Voider", saved.VoidedBy);
        Assert.NotNull(saved.VoidedAtUtc);
        // The number stays taken.
        Assert.Equal(invoice.Number, saved.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Voiding_without_a_reason_is_refused(string reason)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2091, new($"Noreason {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Because(reason), VoidForm);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Give the reason for voiding the invoice.", page.One("#Input_Reason-error")?.TextContent.Trim());
        Assert.Equal(InvoiceStatus.Sent, (await InvoiceAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Voiding_twice_is_refused_and_the_first_reason_stays()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2092, new($"Twice {InvoiceSeeds.Token()}"));
        var first = await portal.SignedInStaffAsync("Ada First");
        var second = await portal.SignedInStaffAsync("Bo Second");
        var firstPage = await first.GetAsync($"/staff/invoices/{invoice.Id}");
        var secondPage = await second.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, Because("Duplicate of another invoice"), VoidForm)).Status);

        var refused = await second.SubmitAsync(secondPage, Because("Member withdrew"), VoidForm);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"Invoice {invoice.Number} is already void.", refused.Errors);
        var saved = await InvoiceAsync(invoice.Id);
        Assert.Equal("Duplicate of another invoice", saved.VoidReason);
        Assert.Equal("Ada First", saved.VoidedBy);
    }

    [Fact]
    public async Task An_invoice_with_a_payment_cannot_be_voided()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2093, new($"Haspaid {InvoiceSeeds.Token()}"));
        var voider = await portal.SignedInStaffAsync();
        var payer = await portal.SignedInStaffAsync();
        var seenBeforePayment = await voider.GetAsync($"/staff/invoices/{invoice.Id}");
        var paid = await payer.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?> { ["Input.Amount"] = "100" }, "form[data-testid=pay]");
        Assert.Equal(HttpStatusCode.Redirect, paid.Status);

        var refused = await voider.SubmitAsync(seenBeforePayment, Because("Changed our minds"), VoidForm);

        Assert.Contains($"Invoice {invoice.Number} has payments recorded; it cannot be voided.", refused.Errors);
        Assert.Equal(InvoiceStatus.Sent, (await InvoiceAsync(invoice.Id)).Status);
        Assert.Null(refused.One(VoidForm));
        Assert.Contains("An invoice with payments recorded cannot be voided.", refused.Text, StringComparison.Ordinal);
    }
}

public sealed class VoidingInvoicesTests_Sqlite(SqlitePortal portal) : VoidingInvoicesTests(portal), IClassFixture<SqlitePortal>;

public sealed class VoidingInvoicesTests_Postgres(PostgresPortal portal) : VoidingInvoicesTests(portal), IClassFixture<PostgresPortal>;

public sealed class VoidingInvoicesTests_SqlServer(SqlServerPortal portal) : VoidingInvoicesTests(portal), IClassFixture<SqlServerPortal>;

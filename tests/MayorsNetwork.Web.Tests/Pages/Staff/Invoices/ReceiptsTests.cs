using System.Globalization;
using System.Net;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>
/// Issue 14, item 7: recording a part payment emails an acknowledgement PDF showing the balance left, and the payment that
/// settles the invoice a receipt (amount, date, method, reference, the invoice, balance zero), both to the billing contact
/// with the CC addresses and the mayor in copy, through the outbox. The city downloads each from /account/invoices, staff
/// from the invoice page; another city's is "not found".
/// </summary>
public abstract class ReceiptsTests(PortalFixture portal)
{
    private const string PayForm = "form[data-testid=pay]";

    private Dictionary<string, string?> Payment(string amount, string method, string reference) => new()
    {
        ["Input.Amount"] = amount,
        ["Input.ReceivedOn"] = portal.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Method"] = method,
        ["Input.Reference"] = reference,
    };

    [Fact]
    public async Task A_part_payment_gets_an_acknowledgement_and_the_final_one_a_receipt_emailed_to_every_billing_recipient()
    {
        var token = InvoiceSeeds.Token();
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2161, new($"Receiptville {token}"));
        var cc = $"clerk-{token}@city.example.gov";
        var (billing, mayor) = await portal.WithDbAsync(async db =>
        {
            var g = await db.Governments.SingleAsync(x => x.Id == invoice.GovernmentId);
            g.BillingCc = [cc];
            await db.SaveChangesAsync();
            return (g.Billing.Email, g.Mayor.Email);
        });
        var staff = await portal.SignedInStaffAsync("Pat Payments");

        var part = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("500", "Check", "Check 1001"), PayForm);
        Assert.True(part.Status == HttpStatusCode.Redirect, string.Join(" ", part.Errors));
        var ack = await portal.Mail.WaitForAsync(billing, $"Payment received on invoice {invoice.Number}");
        Assert.Equal($"Payment received on invoice {invoice.Number} from MayorsNetwork: $812.50 still due", ack.Subject);
        Assert.Equal([cc, mayor], ack.Cc);
        var (ackName, _, ackPdf) = Assert.Single(ack.Attachments);
        Assert.Equal($"Acknowledgement-{invoice.Number}-R1.pdf", ackName);
        var ackText = await Workflow.PdfTextAsync(ackPdf);
        Assert.Contains("PAYMENT ACKNOWLEDGEMENT", ackText, StringComparison.Ordinal);
        Assert.Matches(@"Amount received\s+\$500\.00", ackText);
        Assert.Matches(@"Method\s+Check", ackText);
        Assert.Matches(@"Reference\s+Check 1001", ackText);
        Assert.Matches($@"Invoice\s+{invoice.Number}", ackText);
        Assert.Matches(@"Balance\s+\$812\.50", ackText);

        var final = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("812.50", "Ach", "ACH 7731"), PayForm);
        Assert.True(final.Status == HttpStatusCode.Redirect, string.Join(" ", final.Errors));
        var receipt = await portal.Mail.WaitForAsync(billing, $"Receipt {invoice.Number}-R2");
        Assert.Equal($"Receipt {invoice.Number}-R2 from MayorsNetwork: invoice {invoice.Number} is paid in full", receipt.Subject);
        Assert.Equal([cc, mayor], receipt.Cc);
        var (receiptName, _, receiptPdf) = Assert.Single(receipt.Attachments);
        Assert.Equal($"Receipt-{invoice.Number}-R2.pdf", receiptName);
        var receiptText = await Workflow.PdfTextAsync(receiptPdf);
        Assert.Matches(@"Amount received\s+\$812\.50", receiptText);
        Assert.Matches(@"Method\s+ACH transfer", receiptText);
        Assert.Matches(@"Reference\s+ACH 7731", receiptText);
        Assert.Matches($@"Date received\s+{portal.Clock.Today.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))}", receiptText);
        Assert.Matches(@"Balance\s+\$0\.00", receiptText);
        Assert.Contains("paid in full", receiptText, StringComparison.Ordinal);

        // Both are in the outbox tied to their payments, and staff see them among the invoice's emails.
        var payments = await InvoiceSeeds.PaymentsAsync(portal, invoice.Id);
        var queued = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.PaymentId != null && payments.Select(p => p.Id).Contains(m.PaymentId.Value)).CountAsync());
        Assert.Equal(2, queued);
        var page = await staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Contains(page.Document.QuerySelectorAll("[data-testid=emails] tbody tr"), r => r.TextContent.Contains($"{billing} (cc {cc}, {mayor})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_city_downloads_each_receipt_from_its_invoices_staff_from_the_invoice_and_another_citys_is_not_found()
    {
        var token = InvoiceSeeds.Token();
        var mine = await InvoiceSeeds.AddOneAsync(portal, 2162, new($"Mine {token}"));
        var theirs = await InvoiceSeeds.AddOneAsync(portal, 2162, new($"Theirs {token}"));
        var staff = await portal.SignedInStaffAsync("Pat Payments");
        foreach (var (id, amount) in new[] { (mine.Id, "312.50"), (mine.Id, "1000"), (theirs.Id, "100") })
        {
            var posted = await staff.SubmitFormAsync($"/staff/invoices/{id}", Payment(amount, "Check", $"Check {amount}"), PayForm);
            Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        }

        var myPayments = (await InvoiceSeeds.PaymentsAsync(portal, mine.Id)).OrderBy(p => p.Id).ToList();
        var theirPayment = Assert.Single(await InvoiceSeeds.PaymentsAsync(portal, theirs.Id));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, mine.GovernmentId);
        var list = await member.GetAsync("/account/invoices");
        var links = list.Document.QuerySelectorAll("[data-testid=receipts] [data-testid=receipt]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);

        var first = await Workflow.PdfTextAsync(await member.Http.GetByteArrayAsync(list.One($"tr[data-payment='{myPayments[0].Id}'] [data-testid=receipt]")!.GetAttribute("href")));
        Assert.Contains("PAYMENT ACKNOWLEDGEMENT", first, StringComparison.Ordinal);
        Assert.Matches(@"Balance\s+\$1,000\.00", first);
        var second = await member.Http.GetAsync(list.One($"tr[data-payment='{myPayments[1].Id}'] [data-testid=receipt]")!.GetAttribute("href"));
        Assert.Equal("application/pdf", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Receipt-{mine.Number}-R2.pdf", second.Content.Headers.ContentDisposition!.FileNameStar ?? second.Content.Headers.ContentDisposition.FileName);
        var secondText = await Workflow.PdfTextAsync(await second.Content.ReadAsByteArrayAsync());
        Assert.Matches(@"Balance\s+\$0\.00", secondText);

        // Another city's payment, by its invoice or through the city's own invoice number: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/account/invoices/{theirs.Number}/receipts/{theirPayment.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/account/invoices/{mine.Number}/receipts/{theirPayment.Id}")).Status);

        var staffPage = await staff.GetAsync($"/staff/invoices/{mine.Id}");
        var staffLinks = staffPage.Document.QuerySelectorAll("[data-testid=payments] [data-testid=receipt]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, staffLinks.Count);
        var staffText = await Workflow.PdfTextAsync(await staff.Http.GetByteArrayAsync(staffLinks[0]));
        Assert.Contains(mine.Number, staffText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/staff/invoices/{mine.Id}/receipts/{theirPayment.Id}")).Status);
    }
}

public sealed class ReceiptsTests_Sqlite(SqlitePortal portal) : ReceiptsTests(portal), IClassFixture<SqlitePortal>;

public sealed class ReceiptsTests_Postgres(PostgresPortal portal) : ReceiptsTests(portal), IClassFixture<PostgresPortal>;

public sealed class ReceiptsTests_SqlServer(SqlServerPortal portal) : ReceiptsTests(portal), IClassFixture<SqlServerPortal>;

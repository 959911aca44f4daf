using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>"Send the invoice again" at /staff/invoices/{id}: a new email through the outbox, with its own Message-ID.</summary>
public abstract class ResendingInvoicesTests(PortalFixture portal)
{
    [Fact]
    public async Task Resending_queues_a_second_email_with_the_same_invoice_and_a_new_message_id()
    {
        var approved = await Workflow.ApplyAndApproveAsync(portal);
        var billing = approved.Form["Input.BillingEmail"]!;
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        var firstMail = await portal.Mail.WaitForAsync(billing, invoice.Number);

        var posted = await approved.Staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>(), "form[data-testid=resend]");

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        Assert.Contains("The invoice will be emailed again", (await approved.Staff.GetAsync(posted.Location!)).Text, StringComparison.Ordinal);
        var secondMail = await portal.Mail.WaitForAsync(m => m.To.Contains(billing, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(invoice.Number, StringComparison.Ordinal) && m.MessageId != firstMail.MessageId);
        Assert.Equal(firstMail.Subject, secondMail.Subject);
        Assert.Contains(approved.Form["Input.MayorEmail"]!, secondMail.Cc);
        Assert.Contains("/account/invoices", secondMail.Text, StringComparison.Ordinal);
        var (fileName, _, pdf) = Assert.Single(secondMail.Attachments);
        Assert.Equal($"Invoice-{invoice.Number}.pdf", fileName);
        Assert.Contains(invoice.Number, await Workflow.PdfTextAsync(pdf), StringComparison.Ordinal);
        Assert.Equal(2, portal.Mail.Messages().Count(m => m.Subject.Contains(invoice.Number, StringComparison.Ordinal)));

        var jobs = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.InvoiceId == invoice.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, jobs.Count);
        Assert.Equal([firstMail.MessageId, secondMail.MessageId], jobs.Select(j => j.MessageId));

        // Staff see both emails on the invoice, with their progress.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        PageResult page;
        do
        {
            page = await approved.Staff.GetAsync($"/staff/invoices/{invoice.Id}");
        }
        while (page.Document.QuerySelectorAll("[data-testid=email-status]").Any(s => s.TextContent.Trim() != "Sent") && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(["Sent", "Sent"], page.Document.QuerySelectorAll("[data-testid=email-status]").Select(s => s.TextContent.Trim()));
        Assert.Contains(billing, page.One("[data-testid=emails]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_void_invoice_is_not_sent_again()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2095, new($"Noresend {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();
        var seenBeforeVoiding = await staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(seenBeforeVoiding, new Dictionary<string, string?> { ["Input.Reason"] = "Withdrawn" }, "form[data-testid=void]")).Status);

        var refused = await staff.SubmitAsync(seenBeforeVoiding, new Dictionary<string, string?>(), "form[data-testid=resend]");

        Assert.Contains($"Invoice {invoice.Number} is void; it is not sent again.", refused.Errors);
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.InvoiceId == invoice.Id)));
        Assert.Equal(InvoiceStatus.Void, await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync()));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}

public sealed class ResendingInvoicesTests_Sqlite(SqlitePortal portal) : ResendingInvoicesTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResendingInvoicesTests_Postgres(PostgresPortal portal) : ResendingInvoicesTests(portal), IClassFixture<PostgresPortal>;

public sealed class ResendingInvoicesTests_SqlServer(SqlServerPortal portal) : ResendingInvoicesTests(portal), IClassFixture<SqlServerPortal>;

using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Staff change an invoice (a payment, a correction) while the worker is emailing it: their change is
/// kept, the send is recorded, and the other messages of the same batch are recorded as sent too, so
/// none of them goes out a second time.
/// </summary>
public abstract class InvoiceChangedWhileSendingTests(IReplyingSmtpPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly ReplyingSmtpServer _server = fixture.Server;

    [Fact]
    public async Task A_change_made_while_the_invoice_is_emailed_is_kept_and_every_message_of_the_batch_is_recorded_as_sent_once()
    {
        // A slow server holds each message for two seconds: time for staff to change the invoice.
        await _server.StartAsync(reply: null, dataDelay: TimeSpan.FromSeconds(2));
        var approved = await Workflow.ApplyAndApproveAsync(_portal);
        var invoice = await _portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        // Approval queues the invoice and the applicant's "approved" email in one transaction: one batch.
        var batch = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.InvoiceId == invoice.Id || m.To == approved.Form["Input.ApplicantEmail"] && m.Topic.StartsWith("Application approved"))
            .OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, batch.Count);
        var invoiceEmail = batch.Single(m => m.InvoiceId == invoice.Id);

        await WaitForAsync(() => _server.Receiving().Contains(invoiceEmail.MessageId));
        await _portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.BillingAddress, "Finance Department\n2 Civic Plaza\nBoulder, CO 80302")
            .SetProperty(i => i.Version, Guid.NewGuid())));

        foreach (var message in batch)
        {
            var sent = await OutboxMessages.WaitUntilAsync(_portal, message.Id, m => m.Status == OutboxStatus.Sent);
            Assert.Equal(1, sent.Attempts);
            Assert.Null(sent.LockedBy);
            Assert.Single(_server.Copies(message.MessageId));
        }

        var after = await _portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal("Finance Department\n2 Civic Plaza\nBoulder, CO 80302", after.BillingAddress);
        Assert.Equal(InvoiceStatus.Sent, after.Status);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met within 20 seconds.");
            await Task.Delay(20);
        }
    }
}

public sealed class InvoiceChangedWhileSendingTests_Sqlite(ReplyingSmtpSqlitePortal portal) : InvoiceChangedWhileSendingTests(portal), IClassFixture<ReplyingSmtpSqlitePortal>;

public sealed class InvoiceChangedWhileSendingTests_Postgres(ReplyingSmtpPostgresPortal portal) : InvoiceChangedWhileSendingTests(portal), IClassFixture<ReplyingSmtpPostgresPortal>;

public sealed class InvoiceChangedWhileSendingTests_SqlServer(ReplyingSmtpSqlServerPortal portal) : InvoiceChangedWhileSendingTests(portal), IClassFixture<ReplyingSmtpSqlServerPortal>;

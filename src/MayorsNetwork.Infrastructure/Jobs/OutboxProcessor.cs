using System.Collections.Concurrent;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Pdf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// Claims due messages and sends them. Claiming (<see cref="OutboxClaim"/>) is one conditional UPDATE, so two
/// workers on one database never hold the same message.
/// </summary>
public sealed class OutboxProcessor(
    PortalDbContext db,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    IOptions<InvoiceOptions> invoiceTerms,
    ILogger<OutboxProcessor> logger)
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends one batch of due messages. Returns how many were claimed.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimToken = Guid.NewGuid();
        var claimed = await OutboxClaim.ClaimAsync(db, _workerId, claimToken, now, now.AddSeconds(o.LockSeconds), o.BatchSize, cancellationToken);
        if (claimed.Count == 0) return 0;

        var messages = await db.OutboxMessages
            .Where(m => m.ClaimToken == claimToken && claimed.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        // The batch's invoices in one query; each PDF is rendered from the invoice as it stands now.
        var invoiceIds = messages.Where(m => m.InvoiceId is not null).Select(m => m.InvoiceId!.Value).Distinct().ToList();
        var invoices = invoiceIds.Count == 0
            ? []
            : await db.Invoices.Include(i => i.Payments).Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var receipts = await ReceiptsAsync(messages, cancellationToken);

        // Several messages are rendered and sent at once, on up to SendConcurrency SMTP sessions, each of which
        // keeps its connection for the messages it sends in this batch. The results are written one at a time,
        // each as soon as its message is done, so a crash later in the batch does not send again what already
        // went out.
        using var gate = new SemaphoreSlim(1, 1);
        var idle = new ConcurrentBag<IEmailSession>();
        try
        {
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = o.SendConcurrency, CancellationToken = cancellationToken }, async (message, ct) =>
            {
                var invoice = message.InvoiceId is { } id ? invoices[id] : null;
                // At most SendConcurrency messages are in flight, so at most that many sessions are ever opened.
                if (!idle.TryTake(out var session)) session = sender.OpenSession();
                Exception? outcome;
                try
                {
                    outcome = await DeliverAsync(session, message, invoice, message.PaymentId is { } paymentId ? receipts[paymentId] : null, ct);
                }
                finally
                {
                    idle.Add(session);
                }

                await gate.WaitAsync(CancellationToken.None);
                try
                {
                    await RecordAsync(message, invoice, outcome, o);
                }
                finally
                {
                    gate.Release();
                }
            });
        }
        finally
        {
            foreach (var session in idle) await session.DisposeAsync();
        }

        // A processor kept for several batches must read messages afresh: another worker may have changed them.
        db.ChangeTracker.Clear();
        return messages.Count;
    }

    /// <summary>Renders and sends one message; returns null when it went out, or what went wrong.</summary>
    private async Task<Exception?> DeliverAsync(IEmailSession session, OutboxMessage message, Invoice? invoice, PaymentReceipt? receipt, CancellationToken cancellationToken)
    {
        try
        {
            var email = ToEmail(message);
            if (invoice is not null)
                email = email with { Attachments = [new EmailAttachment($"Invoice-{invoice.Number}.pdf", "application/pdf", InvoicePdf.Render(invoice, invoiceTerms.Value))] };
            if (receipt is not null)
                email = email with { Attachments = [new EmailAttachment(ReceiptFileName(receipt), "application/pdf", ReceiptPdf.Render(receipt, invoiceTerms.Value))] };
            await session.SendAsync(email, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }
    }

    private async Task RecordAsync(OutboxMessage message, Invoice? invoice, Exception? failure, OutboxOptions o)
    {
        message.Attempts++;
        if (failure is null or PartialEmailDeliveryException)
        {
            // A partial delivery went out to the others; sending it again would give them a second copy.
            if (failure is not null) logger.LogWarning("Outbox message {Id} was sent, but some recipients were refused: {Error}", message.Id, failure.Message);
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = failure is null ? null : Truncate(failure.Message);
            invoice?.MarkSent();
        }
        else if (failure is not PermanentEmailFailureException && message.Attempts < o.MaxAttempts)
        {
            // 5xx replies and bad addresses fail at once; anything else (4xx, refused connections,
            // timeouts, a PDF that could not be rendered) is retried with backoff up to MaxAttempts.
            var delay = RetryDelay(message.Attempts, o);
            message.Status = OutboxStatus.Pending;
            message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + delay;
            message.LastError = Truncate(failure.Message);
            logger.LogWarning("Outbox message {Id} failed (attempt {Attempt}), retrying in {Delay}: {Error}", message.Id, message.Attempts, delay, failure.Message);
        }
        else
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Truncate(failure is PermanentEmailFailureException ? failure.Message : $"Gave up after {message.Attempts} attempts: {failure.Message}");
            logger.LogError("Outbox message {Id} failed for good: {Error}", message.Id, message.LastError);
        }

        // The claim's token stays the original value EF checks: if another worker has claimed the message since (this one
        // stalled past LockSeconds), the UPDATE finds no row and this result is not recorded.
        var claimToken = message.ClaimToken;
        message.LockedBy = null;
        message.LockedUntilUtc = null;
        message.ClaimToken = null;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff changed the invoice (a payment) while it was being emailed: keep their change, record the send.
            db.Entry(message).State = EntityState.Detached;
            if (invoice is not null) db.Entry(invoice).State = EntityState.Detached;
            // It did go out: an invoice still Issued is now Sent (a paid or voided one keeps its status), as
            // Invoice.MarkSent decides, in one statement because the tracked copy was just detached. First, so that
            // whoever sees the message recorded as Sent also sees its invoice Sent (and true even if the claim was lost:
            // this worker's email did go out).
            if (message.Status == OutboxStatus.Sent && message.InvoiceId is { } invoiceId)
            {
                await db.Invoices.Where(i => i.Id == invoiceId && i.Status == InvoiceStatus.Issued).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, InvoiceStatus.Sent)
                    .SetProperty(i => i.Version, Guid.NewGuid()), CancellationToken.None);
            }

            var recorded = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == claimToken).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, message.Status)
                .SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.SentAtUtc, message.SentAtUtc)
                .SetProperty(m => m.NextAttemptAtUtc, message.NextAttemptAtUtc)
                .SetProperty(m => m.LastError, message.LastError)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null), CancellationToken.None);
            if (recorded == 0)
            {
                // Another worker claimed it after this one's lock expired: its result stands, this one's is dropped.
                logger.LogWarning("Outbox message {Id}: the claim was taken over by another worker while this one was sending; this result ({Status}) is not recorded", message.Id, message.Status);
                return;
            }
        }
    }

    /// <summary>
    /// The receipts of the batch's payment messages, in one query: each worked out from its invoice's payments as they
    /// stand (a receipt says what the balance was right after its payment, whatever was paid since).
    /// </summary>
    private async Task<Dictionary<int, PaymentReceipt>> ReceiptsAsync(List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var paymentIds = messages.Where(m => m.PaymentId is not null).Select(m => m.PaymentId!.Value).Distinct().ToList();
        if (paymentIds.Count == 0) return [];
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Payments)
            .Where(i => i.Payments.Any(p => paymentIds.Contains(p.Id)))
            .ToListAsync(cancellationToken);
        var receipts = new Dictionary<int, PaymentReceipt>();
        foreach (var invoice in invoices)
            foreach (var payment in invoice.Payments.Where(p => paymentIds.Contains(p.Id)))
                receipts[payment.Id] = PaymentReceipt.For(invoice, payment);
        return receipts;
    }

    /// <summary>The file name of a receipt's PDF, as emailed and downloaded.</summary>
    public static string ReceiptFileName(PaymentReceipt receipt) =>
        $"{(receipt.Kind == ReceiptKind.Receipt ? "Receipt" : "Acknowledgement")}-{receipt.Number}.pdf";

    /// <summary>Exponential backoff with full jitter between half and the whole of the delay.</summary>
    public static TimeSpan RetryDelay(int attempt, OutboxOptions o)
    {
        var exponential = Math.Min(o.RetryMaxSeconds, o.RetryBaseSeconds * Math.Pow(2, attempt - 1));
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromSeconds(jittered);
    }

    private static string Truncate(string error) => error.Length <= 2_000 ? error : error[..2_000];

    private static EmailMessage ToEmail(OutboxMessage m) => new(
        Split(m.To), Split(m.Cc), m.Subject, m.TextBody, m.HtmlBody, m.MessageId);

    private static string[] Split(string addresses) =>
        addresses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

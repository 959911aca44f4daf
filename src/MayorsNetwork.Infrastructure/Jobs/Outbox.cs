using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// Adds messages to the outbox on the caller's context (they are saved with the caller's change), and
/// puts failed ones back in the queue when staff ask.
/// </summary>
public sealed class Outbox(PortalDbContext db, TimeProvider clock, IOptions<EmailOptions> email)
{
    public OutboxMessage Enqueue(string topic, IEnumerable<string> to, IEnumerable<string> cc, string subject, string textBody, string htmlBody)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Topic = topic,
            To = string.Join(", ", to.Distinct(StringComparer.OrdinalIgnoreCase)),
            Cc = string.Join(", ", cc.Distinct(StringComparer.OrdinalIgnoreCase)),
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            // Unique and stable without knowing the row id before it is saved.
            MessageId = $"<{Guid.NewGuid():N}@{email.Value.MessageIdDomain}>",
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// Puts a Failed message back in the queue, due now, with a fresh count of attempts. Conditional on
    /// its still being Failed, so two staff pressing Retry at once queue it once. Returns whether it did.
    /// </summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken) =>
        await RequeueAsync(db.OutboxMessages.Where(m => m.Id == id), cancellationToken) == 1;

    /// <summary>Puts every Failed message back in the queue. Returns how many.</summary>
    public Task<int> RetryAllFailedAsync(CancellationToken cancellationToken) =>
        RequeueAsync(db.OutboxMessages, cancellationToken);

    private Task<int> RequeueAsync(IQueryable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // LastError stays until the next attempt, so staff can still read why it failed.
        return messages.Where(m => m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAtUtc, now)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken);
    }
}

using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>Adds messages to the outbox on the caller's context: they are saved with the caller's change.</summary>
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
}

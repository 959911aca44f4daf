using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>A composed email: subject, plain text and HTML.</summary>
public sealed record ComposedEmail(string Subject, string Text, string Html)
{
    /// <summary>Queues this email in the outbox (sent once the caller's transaction commits).</summary>
    public OutboxMessage EnqueueIn(Outbox outbox, string topic, IEnumerable<string> to, IEnumerable<string>? cc = null) =>
        outbox.Enqueue(topic, to, cc ?? [], Subject, Text, Html);
}

using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// Claims due messages and sends them. Claiming is one conditional UPDATE, so two workers on one
/// PostgreSQL database never hold the same message: the second UPDATE re-checks the condition after the
/// first commits and finds the rows taken.
/// </summary>
public sealed class OutboxProcessor(
    PortalDbContext db,
    IEmailSender sender,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor> logger)
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends one batch of due messages. Returns how many were claimed.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                        || (m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return 0;

        var lockedUntil = now.AddSeconds(o.LockSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id)
                        && ((m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                            || (m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LockedBy, _workerId)
                .SetProperty(m => m.LockedUntilUtc, lockedUntil), cancellationToken);
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages
            .Where(m => m.LockedBy == _workerId && m.Status == OutboxStatus.Sending && candidates.Contains(m.Id))
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            await SendOneAsync(message, o, cancellationToken);
        }

        return messages.Count;
    }

    private async Task SendOneAsync(OutboxMessage message, OutboxOptions o, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            await sender.SendAsync(ToEmail(message), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (TransientEmailFailureException ex) when (message.Attempts < o.MaxAttempts)
        {
            var delay = RetryDelay(message.Attempts, o);
            message.Status = OutboxStatus.Pending;
            message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + delay;
            message.LastError = ex.Message;
            logger.LogWarning("Outbox message {Id} failed (attempt {Attempt}), retrying in {Delay}: {Error}", message.Id, message.Attempts, delay, ex.Message);
        }
        catch (Exception ex) when (ex is TransientEmailFailureException or PermanentEmailFailureException)
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = ex is TransientEmailFailureException ? $"Gave up after {message.Attempts} attempts: {ex.Message}" : ex.Message;
            logger.LogError("Outbox message {Id} failed for good: {Error}", message.Id, message.LastError);
        }

        message.LockedBy = null;
        message.LockedUntilUtc = null;
        // Saved per message so a crash later in the batch does not resend what already went out.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Exponential backoff with full jitter between half and the whole of the delay.</summary>
    public static TimeSpan RetryDelay(int attempt, OutboxOptions o)
    {
        var exponential = Math.Min(o.RetryMaxSeconds, o.RetryBaseSeconds * Math.Pow(2, attempt - 1));
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromSeconds(jittered);
    }

    private static EmailMessage ToEmail(OutboxMessage m) => new(
        Split(m.To), Split(m.Cc), m.Subject, m.TextBody, m.HtmlBody, m.MessageId);

    private static string[] Split(string addresses) =>
        addresses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Workers;

/// <summary>Drains the outbox in the web process. Off when Outbox:WorkerEnabled is false.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            logger.LogInformation("Outbox worker is switched off on this instance");
            return Task.CompletedTask;
        }

        return PollingLoop.RunAsync(
            scopes,
            TimeSpan.FromMilliseconds(options.Value.PollMilliseconds),
            (services, cancellationToken) => services.GetRequiredService<OutboxProcessor>().ProcessBatchAsync(cancellationToken),
            // The database may be down; the messages wait in the outbox and the next poll tries again.
            ex => logger.LogError(ex, "Outbox batch failed"),
            stoppingToken);
    }
}

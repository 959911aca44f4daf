using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Workers;

/// <summary>Drains the outbox in the web process. Off when Outbox:WorkerEnabled is false.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            logger.LogInformation("Outbox worker is switched off on this instance");
            return;
        }

        var delay = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                using var scope = scopes.CreateScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be down; the messages wait in the outbox and the next poll tries again.
                logger.LogError(ex, "Outbox batch failed");
            }

            if (claimed == 0)
            {
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Runs beside the outbox worker (and is switched off with it): the dues lifecycle once a day, and
/// renewal runs in batches while any is running.
/// </summary>
public sealed class DailyJobsWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<DailyJobsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        var idle = TimeSpan.FromMilliseconds(Math.Max(options.Value.PollMilliseconds, 1_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            var issued = 0;
            try
            {
                using var scope = scopes.CreateScope();
                var lifecycle = scope.ServiceProvider.GetRequiredService<DuesLifecycle>();
                if (await lifecycle.TryClaimTodayAsync(stoppingToken)) await lifecycle.RunAsync(stoppingToken);
                issued = await scope.ServiceProvider.GetRequiredService<RenewalRuns>().ProcessBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Daily jobs failed; trying again shortly");
            }

            if (issued == 0)
            {
                try { await Task.Delay(idle, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

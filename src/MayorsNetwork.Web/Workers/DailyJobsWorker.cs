using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Services;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Workers;

/// <summary>
/// Runs beside the outbox worker (and is switched off with it): the dues lifecycle once a day, and
/// renewal runs in batches while any is running.
/// </summary>
public sealed class DailyJobsWorker(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<DailyJobsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        var idle = TimeSpan.FromMilliseconds(Math.Max(options.Value.PollMilliseconds, 1_000));
        // The day this instance last tried to claim the lifecycle run: the claim (two statements) is made
        // once a day, not on every poll.
        DateOnly? triedOn = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var issued = 0;
            try
            {
                using var scope = scopes.CreateScope();
                var lifecycle = scope.ServiceProvider.GetRequiredService<DuesLifecycle>();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (triedOn != today)
                {
                    if (await lifecycle.TryClaimTodayAsync(stoppingToken)) await lifecycle.RunAsync(stoppingToken);
                    triedOn = today;
                }

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

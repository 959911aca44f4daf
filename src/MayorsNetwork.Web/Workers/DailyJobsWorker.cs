using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Workers;

/// <summary>
/// Runs beside the outbox worker (and is switched off with it): the dues lifecycle and the budget notices (issue 14) once a day, and
/// renewal runs in batches while any is running.
/// </summary>
public sealed class DailyJobsWorker(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<DailyJobsWorker> logger) : BackgroundService
{
    // The day this instance last tried to claim the lifecycle run: the claim (two statements) is made
    // once a day, not on every poll.
    private DateOnly? _triedOn;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !options.Value.WorkerEnabled
            ? Task.CompletedTask
            : PollingLoop.RunAsync(
                scopes,
                TimeSpan.FromMilliseconds(Math.Max(options.Value.PollMilliseconds, 1_000)),
                RoundAsync,
                ex => logger.LogError(ex, "Daily jobs failed; trying again shortly"),
                stoppingToken);

    /// <summary>Today's lifecycle run if not yet tried, then one batch of renewal invoices; returns how many were issued.</summary>
    private async Task<int> RoundAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var lifecycle = services.GetRequiredService<DuesLifecycle>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (_triedOn != today)
        {
            if (await lifecycle.TryClaimTodayAsync(cancellationToken)) await lifecycle.RunAsync(cancellationToken);
            var notices = services.GetRequiredService<BudgetNotices>();
            if (await notices.TryClaimTodayAsync(cancellationToken)) await notices.RunAsync(cancellationToken);
            _triedOn = today;
        }

        return await services.GetRequiredService<RenewalRuns>().ProcessBatchAsync(cancellationToken);
    }
}

namespace MayorsNetwork.Web.Workers;

/// <summary>
/// The loop both background workers run: a round in a fresh DI scope, again at once while a round finds work,
/// otherwise after an idle wait. A failed round (the database may be down) is logged and tried again after the
/// wait; stopping the host ends the loop quietly.
/// </summary>
internal static class PollingLoop
{
    /// <param name="round">One round; returns how much work it did (0: nothing waited, so the loop rests).</param>
    /// <param name="failed">Logs a round that threw.</param>
    public static async Task RunAsync(
        IServiceScopeFactory scopes,
        TimeSpan idle,
        Func<IServiceProvider, CancellationToken, Task<int>> round,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = 0;
            try
            {
                using var scope = scopes.CreateScope();
                done = await round(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            if (done == 0)
            {
                try { await Task.Delay(idle, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// One database probe at a time per instance, its answer shared: /healthz calls that arrive while a probe runs wait
/// for that probe, and calls within <see cref="ReuseFor"/> of its answer take that answer without asking the database.
/// A burst of health checks (a load balancer, a monitor, or someone hammering the address) therefore opens at most one
/// unpooled connection at a time (<see cref="DatabaseProbe"/> opens a fresh one on the servers), never one per call.
/// The reuse window is short so that a lost database still turns /healthz to 503 within seconds.
/// </summary>
public sealed class DatabaseProbeGate(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long an answer is reused: short next to the 5 seconds in which a lost database must show.</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<Exception?>? _running;
    private (DateTimeOffset At, Exception? Failure)? _last;
    private long _probes;
    private int _atOnce;
    private int _mostAtOnce;

    /// <summary>How many probes asked the database since the portal started.</summary>
    public long Probes => Interlocked.Read(ref _probes);

    /// <summary>The most probes that ran at the same moment (one, by construction; tests read it).</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <summary>
    /// The database's answer: null when it answered, the failure when it did not. Never throws; the probe itself is
    /// bounded by <paramref name="timeout"/>, and the caller bounds its own wait.
    /// </summary>
    public Task<Exception?> CheckAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < ReuseFor) return Task.FromResult(last.Failure);
            return _running ??= ProbeAsync(timeout);
        }
    }

    private async Task<Exception?> ProbeAsync(TimeSpan timeout)
    {
        // Off the caller's lock and thread: the probe belongs to no request, so a caller that stops waiting leaves it
        // to finish (or fail at its own bound) for the next caller.
        await Task.Yield();
        Interlocked.Increment(ref _probes);
        var atOnce = Interlocked.Increment(ref _atOnce);
        for (var most = Volatile.Read(ref _mostAtOnce); atOnce > most; most = Volatile.Read(ref _mostAtOnce))
        {
            if (Interlocked.CompareExchange(ref _mostAtOnce, atOnce, most) == most) break;
        }

        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await DatabaseProbe.ProbeAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), timeout, CancellationToken.None);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            Interlocked.Decrement(ref _atOnce);
        }

        lock (_gate)
        {
            _last = (clock.GetUtcNow(), failure);
            _running = null;
        }

        return failure;
    }
}

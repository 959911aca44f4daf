using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// /healthz asks the database a real question (<see cref="MayorsNetwork.Infrastructure.Data.DatabaseProbe"/>, through
/// <see cref="DatabaseProbeGate"/>: one probe at a time, its answer reused for a second) and gives up after
/// <see cref="Timeout"/>: a load balancer must learn within seconds that an instance lost its database, not after the
/// driver's 15-second connect timeout or a TCP timeout of minutes.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseProbeGate probes) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Exception? failure;
        try
        {
            // The probe is owned by the gate, not by this request: if the server stops answering, the request returns at
            // the bound and the probe's connection is dropped at its own.
            failure = await probes.CheckAsync(Timeout).WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (TimeoutException ex)
        {
            failure = ex;
        }

        if (failure is null) return HealthCheckResult.Healthy();
        var reason = failure is OperationCanceledException or TimeoutException ? $"no answer within {Timeout.TotalSeconds:0} s" : failure.GetType().Name;
        return new HealthCheckResult(context.Registration.FailureStatus, $"The database did not answer: {reason}.", failure);
    }
}

using MayorsNetwork.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// /healthz asks the database a real question (<see cref="DatabaseProbe"/>) and gives up after <see cref="Timeout"/>: a
/// load balancer must learn within seconds that an instance lost its database, not after the driver's 15-second
/// connect timeout or a TCP timeout of minutes.
/// </summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Owned by the probe, not by this request: if the server stops answering, the request returns at the
            // bound and the probe's connection is dropped by itself, without holding the request.
            var probe = DatabaseProbe.ProbeAsync(db, Timeout, cancellationToken);
            await probe.WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or TimeoutException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.GetType().Name;
            return new HealthCheckResult(context.Registration.FailureStatus, $"The database did not answer: {reason}.", ex);
        }
    }
}

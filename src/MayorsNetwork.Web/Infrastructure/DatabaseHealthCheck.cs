using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// /healthz asks the database a real question (SELECT 1), not only whether a pooled connection opens, and
/// gives up after <see cref="Timeout"/>: a load balancer must learn within seconds that an instance lost
/// its database, not after the driver's 15-second connect timeout or a TCP timeout of minutes.
/// </summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // WaitAsync bounds the wait even if the driver were slow to honour cancellation (a half-open socket).
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token).WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or TimeoutException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.GetType().Name;
            return new HealthCheckResult(context.Registration.FailureStatus, $"The database did not answer: {reason}.", ex);
        }
    }
}

using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// /healthz asks the database a real question (SELECT 1) and gives up after <see cref="Timeout"/>: a load
/// balancer must learn within seconds that an instance lost its database, not after the driver's 15-second
/// connect timeout or a TCP timeout of minutes.
/// </summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (db.Database.IsNpgsql())
            {
                // Owned by the probe, not by this request: if the server stops answering, the request returns
                // at the bound and the probe's connection is dropped by itself, without holding the request.
                var probe = ProbePostgresAsync(db.Database.GetConnectionString()!, cancellationToken);
                await probe.WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken);
            }
            else
            {
                // SQLite is a local file: it answers or fails at once.
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or TimeoutException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.GetType().Name;
            return new HealthCheckResult(context.Registration.FailureStatus, $"The database did not answer: {reason}.", ex);
        }
    }

    /// <summary>
    /// A fresh connection, not a pooled one (a pooled connection opens without asking the server anything),
    /// with the connect, the command and the cancellation all bounded: on a timeout the connection is broken
    /// at once instead of waiting for the server to acknowledge a cancel request.
    /// </summary>
    private static async Task ProbePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var seconds = (int)Timeout.TotalSeconds;
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = -1,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(timeout.Token);
    }
}

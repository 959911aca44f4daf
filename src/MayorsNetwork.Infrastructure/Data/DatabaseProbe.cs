using Microsoft.Data.SqlClient;
using Npgsql;

namespace MayorsNetwork.Infrastructure.Data;

/// <summary>
/// Asks the database a real question (SELECT 1) within a bound, for /healthz. A pooled connection opens without
/// asking the server anything, so the servers are probed on a fresh connection of the probe's own, with the connect,
/// the command and the cancellation all bounded: on a timeout the connection is broken at once instead of waiting
/// for the server to acknowledge a cancel request. Each provider's form:
/// <list type="bullet">
/// <item>PostgreSQL: an unpooled NpgsqlConnection (Timeout, CommandTimeout, no cancellation round trip).</item>
/// <item>SQL Server: an unpooled SqlConnection (Connect Timeout, the command's CommandTimeout).</item>
/// <item>SQLite: the context's own connection; a local file answers or fails at once.</item>
/// </list>
/// </summary>
public static class DatabaseProbe
{
    /// <summary>Completes when the database answered; throws when it did not (OperationCanceledException after the bound).</summary>
    public static async Task ProbeAsync(PortalDbContext db, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        switch (DatabaseSetup.ProviderOf(db))
        {
            case DatabaseProvider.Postgres:
            {
                var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
                {
                    Pooling = false,
                    Timeout = seconds,
                    CommandTimeout = seconds,
                    CancellationTimeout = -1,
                };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(bound.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(bound.Token);
                break;
            }
            case DatabaseProvider.SqlServer:
            {
                var builder = new SqlConnectionStringBuilder(db.Database.GetConnectionString())
                {
                    Pooling = false,
                    ConnectTimeout = seconds,
                    ConnectRetryCount = 0,
                };
                await using var connection = new SqlConnection(builder.ConnectionString);
                await connection.OpenAsync(bound.Token);
                await using var command = new SqlCommand("SELECT 1", connection) { CommandTimeout = seconds };
                await command.ExecuteScalarAsync(bound.Token);
                break;
            }
            case DatabaseProvider.Sqlite:
                await db.Database.ExecuteSqlRawAsync("SELECT 1", bound.Token);
                break;
        }
    }
}

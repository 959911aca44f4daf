using Npgsql;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>Where the test databases live. PostgreSQL is the server tests/run-all.sh starts.</summary>
public static class TestDatabases
{
    public const string PostgresVariable = "MAYORSNETWORK_TEST_POSTGRES";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";

    /// <summary>Creates an empty database of its own on the test server; fails clearly when there is no server.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "mn_test_" + Guid.NewGuid().ToString("N")[..16];
        var server = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false, Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is needed for these tests and is not reachable at '{server.Host}:{server.Port}' ({ex.Message}). " +
                $"Run tests/run-all.sh, which installs and starts it, or set {PostgresVariable} to a server's connection string.", ex);
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        var server = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

using Npgsql;

namespace MayorsNetwork.Bench;

/// <summary>Throw-away PostgreSQL databases for a run (the bench's and the vote storm's); the name is made by the caller, never taken from input.</summary>
public static class PostgresDatabases
{
    /// <summary>Drops <paramref name="database"/> if it is there and creates it empty; <paramref name="server"/> connects to the server's maintenance database.</summary>
    public static async Task RecreateAsync(string server, string database)
    {
        await DropAsync(server, database);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task DropAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

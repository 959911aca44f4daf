using Microsoft.Data.SqlClient;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// SQL Server for the <c>_SqlServer</c> test classes. No SQL Server engine installs on the Debian machines this
/// repository's CI runs on, so these classes run only where <see cref="Variable"/> holds a connection string to a
/// server (its login may create databases); elsewhere each of their tests is reported as skipped with
/// <see cref="SkipReason"/> (see <see cref="PortalTestFramework"/>).
/// </summary>
public static class SqlServerTests
{
    public const string Variable = "MAYORSNETWORK_TEST_SQLSERVER";

    /// <summary>The suffix of the test classes that run on SQL Server.</summary>
    public const string ClassSuffix = "_SqlServer";

    public static string? Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Null when a server is configured; otherwise why the SQL Server tests do not run.</summary>
    public static string? SkipReason => Server is null
        ? $"SQL Server tests need {Variable} (a connection string to a SQL Server whose login may create databases); this repository's CI has no SQL Server."
        : null;

    /// <summary>Creates an empty database of its own on the server; fails clearly when the server does not answer.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Server ?? throw new InvalidOperationException(SkipReason);
        var name = "mn_test_" + Guid.NewGuid().ToString("N")[..16];
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master", Pooling = false, ConnectTimeout = 10 };
        try
        {
            await using var connection = new SqlConnection(master.ConnectionString);
            await connection.OpenAsync();
            // The name is made here, never taken from input.
            await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection) { CommandTimeout = 120 };
            await command.ExecuteNonQueryAsync();
        }
        catch (SqlException ex)
        {
            throw new InvalidOperationException($"SQL Server at '{master.DataSource}' (from {Variable}) could not create a test database: {ex.Message}", ex);
        }

        return new SqlConnectionStringBuilder(server) { InitialCatalog = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END", connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}

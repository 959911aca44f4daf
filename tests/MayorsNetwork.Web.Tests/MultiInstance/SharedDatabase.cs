using System.Globalization;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// What several instances share: one fresh PostgreSQL database, migrated by the portal's own `migrate`
/// command, and one Data Protection keys folder. PostgreSQL only (SQLite is for one instance), and never
/// skipped: without MAYORSNETWORK_TEST_POSTGRES the tests fail and say so.
/// </summary>
public sealed class SharedDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public string KeysFolder { get; } = Path.Combine(Path.GetTempPath(), "mn-shared-keys-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable)))
        {
            throw new InvalidOperationException(
                $"The multi-instance tests need PostgreSQL: set {TestDatabases.PostgresVariable} to a server's connection string " +
                "(tests/run-all.sh starts one and sets it). They are not skipped without it.");
        }

        ConnectionString = await TestDatabases.CreatePostgresDatabaseAsync();
        Directory.CreateDirectory(KeysFolder);
        var (exitCode, output) = await PortalProcess.RunCommandAsync(Settings(smtpPort: 25), "migrate");
        Assert.True(exitCode == 0, $"migrate failed ({exitCode}): {output}");
        Assert.Contains("The database is up to date.", output, StringComparison.Ordinal);
    }

    /// <summary>The settings every instance gets, as environment variables would give them on a server.</summary>
    public Dictionary<string, string> Settings(int smtpPort, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = ConnectionString,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["Outbox:PollMilliseconds"] = "100",
            ["Outbox:RetryBaseSeconds"] = "0.2",
            ["Outbox:RetryMaxSeconds"] = "2",
            ["DataProtection:KeysFolder"] = KeysFolder,
            // The test is the proxy in front of the instances (see Browser).
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Logging:MinimumLevel"] = "Warning",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>A context of the test's own on the shared database, for arranging and reading.</summary>
    public PortalDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionString }, AppContext.BaseDirectory);
        return new PortalDbContext(builder.Options);
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length > 0) await TestDatabases.DropPostgresDatabaseAsync(ConnectionString);
        try { Directory.Delete(KeysFolder, recursive: true); }
        catch (IOException) { }
    }
}

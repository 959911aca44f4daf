using System.Globalization;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// What several instances share: one fresh PostgreSQL database, migrated by the portal's own `migrate`
/// command, which holds the Data Protection key ring too (the default on PostgreSQL). Nothing else: each instance
/// (and `migrate`) has a keys folder of its own, which must stay empty. PostgreSQL only (SQLite is for one
/// instance), and never skipped: without MAYORSNETWORK_TEST_POSTGRES the tests fail and say so.
/// </summary>
public sealed class SharedDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the instances' own keys folders are (<see cref="KeysFolderOf"/>); none is shared.</summary>
    public string KeysRoot { get; } = Path.Combine(Path.GetTempPath(), "mn-instance-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>An instance's own keys folder, not shared with any other: the key ring is in the database.</summary>
    public string KeysFolderOf(string instance) => Path.Combine(KeysRoot, instance);

    /// <summary>Key files in any instance's folder (there should be none).</summary>
    public string[] KeyFilesInFolders() => Directory.Exists(KeysRoot) ? Directory.GetFiles(KeysRoot, "*.xml", SearchOption.AllDirectories) : [];

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable)))
        {
            throw new InvalidOperationException(
                $"The multi-instance tests need PostgreSQL: set {TestDatabases.PostgresVariable} to a server's connection string " +
                "(tests/run-all.sh starts one and sets it). They are not skipped without it.");
        }

        ConnectionString = await TestDatabases.CreatePostgresDatabaseAsync();
        Directory.CreateDirectory(KeysRoot);
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
            // The key ring in the shared database (the default on PostgreSQL, said here so the test reads plainly);
            // a folder of its own for whoever runs with these settings, to show that nothing is written there.
            ["DataProtection:Store"] = "Database",
            ["DataProtection:KeysFolder"] = KeysFolderOf("migrate"),
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
        try { Directory.Delete(KeysRoot, recursive: true); }
        catch (IOException) { }
    }
}

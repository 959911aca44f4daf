using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Data;

/// <summary>
/// Hands out new, empty databases of one provider (no migrations applied) and contexts configured as
/// the app configures them (DatabaseSetup, with that provider's migrations assembly). Drops them all at
/// the end.
/// </summary>
public abstract class EmptyDatabases : IAsyncLifetime
{
    private readonly List<string> _created = [];

    public abstract DatabaseProvider Provider { get; }

    public abstract string ProviderName { get; }

    /// <summary>The project that holds this provider's migrations, relative to the repository root.</summary>
    public abstract string MigrationsProject { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> NewAsync()
    {
        var connectionString = await CreateAsync();
        _created.Add(connectionString);
        return connectionString;
    }

    /// <summary>A context for the database, configured exactly as the app configures one.</summary>
    public PortalDbContext Context(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = Provider, ConnectionString = connectionString }, Path.GetTempPath());
        return new PortalDbContext(builder.Options);
    }

    /// <summary>A context that is never connected: enough to compare the model with the migrations.</summary>
    public abstract PortalDbContext UnconnectedContext();

    /// <summary>The command that adds a migration for this provider, as its DesignTimeFactory.cs documents it.</summary>
    public string AddMigrationCommand()
    {
        var fallback = $"dotnet tool restore && dotnet ef migrations add NAME --project {MigrationsProject} -o Migrations";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var factory = Path.Combine(dir.FullName, MigrationsProject, "DesignTimeFactory.cs");
            if (!File.Exists(factory)) continue;
            var lines = File.ReadAllLines(factory)
                .Select(l => l.TrimStart(' ', '/').Trim())
                .Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal))
                .ToList();
            return lines.Count > 0 ? string.Join(" && ", lines) : fallback;
        }

        return fallback;
    }

    protected abstract Task<string> CreateAsync();

    protected abstract Task DropAsync(string connectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connectionString in _created) await DropAsync(connectionString);
    }
}

public sealed class SqliteDatabases : EmptyDatabases
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ProviderName => "SQLite";

    public override string MigrationsProject => "src/" + DatabaseSetup.SqliteMigrations;

    public override PortalDbContext UnconnectedContext() => Context("Data Source=never-opened.db");

    protected override Task<string> CreateAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"mn-migrations-{Guid.NewGuid():N}.db")}");

    protected override Task DropAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(file + suffix); }
            catch (IOException) { }
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgresDatabases : EmptyDatabases
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ProviderName => "PostgreSQL";

    public override string MigrationsProject => "src/" + DatabaseSetup.PostgresMigrations;

    public override PortalDbContext UnconnectedContext() => Context("Host=127.0.0.1;Database=never_opened");

    protected override Task<string> CreateAsync() => TestDatabases.CreatePostgresDatabaseAsync();

    protected override Task DropAsync(string connectionString) => TestDatabases.DropPostgresDatabaseAsync(connectionString);
}

/// <summary>Empty SQL Server databases, where <see cref="SqlServerTests.Variable"/> names a server (otherwise the classes that use them are skipped).</summary>
public sealed class SqlServerDatabases : EmptyDatabases
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string ProviderName => "SQL Server";

    public override string MigrationsProject => "src/" + DatabaseSetup.SqlServerMigrations;

    public override PortalDbContext UnconnectedContext() => Context("Server=127.0.0.1;Database=never_opened;TrustServerCertificate=True");

    protected override Task<string> CreateAsync() => SqlServerTests.CreateDatabaseAsync();

    protected override Task DropAsync(string connectionString) => SqlServerTests.DropDatabaseAsync(connectionString);
}

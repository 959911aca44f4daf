using Microsoft.Data.Sqlite;

namespace MayorsNetwork.Infrastructure.Data;

/// <summary>Configures the context for the chosen provider, with that provider's migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "MayorsNetwork.Migrations.Sqlite";
    public const string PostgresMigrations = "MayorsNetwork.Migrations.Postgres";
    public const string SqlServerMigrations = "MayorsNetwork.Migrations.SqlServer";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(SqliteConnectionString(options.ConnectionString, contentRoot), o => o.MigrationsAssembly(SqliteMigrations));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(options.ConnectionString, o => o.MigrationsAssembly(SqlServerMigrations));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }
    }

    /// <summary>
    /// Which provider a context runs on, for the few statements that differ between them (locks, claims, inserts
    /// that may find the row there). Each such concern is one type with the three forms side by side: VoteLock,
    /// OutboxClaim, InvoiceNumberAllocator, DailyJobClaim, DatabaseProbe.
    /// </summary>
    public static DatabaseProvider ProviderOf(DbContext db)
    {
        if (db.Database.IsSqlite()) return DatabaseProvider.Sqlite;
        if (db.Database.IsNpgsql()) return DatabaseProvider.Postgres;
        if (db.Database.IsSqlServer()) return DatabaseProvider.SqlServer;
        throw new InvalidOperationException($"Unknown database provider {db.Database.ProviderName}.");
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        // Writers wait for each other instead of failing at once.
        if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
        return csb.ToString();
    }

    /// <summary>Write-ahead logging lets readers work while one writer writes; set once per database file.</summary>
    public static async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

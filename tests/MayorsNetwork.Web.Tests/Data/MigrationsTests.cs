using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Data;

/// <summary>Each provider's migrations cover the model and build a complete schema on an empty database.</summary>
public abstract class MigrationsTests(EmptyDatabases databases)
{
    [Fact]
    public async Task The_migrations_cover_every_change_to_the_model()
    {
        await using var db = databases.UnconnectedContext();

        Assert.True(db.Database.GetMigrations().Any(), $"{databases.ProviderName} has no migrations in {databases.MigrationsProject}.");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that the {databases.ProviderName} migrations do not cover. Add a migration for {databases.ProviderName} " +
            $"(and for the other provider too): {databases.AddMigrationCommand()}");
    }

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_every_table_of_the_model()
    {
        var connectionString = await databases.NewAsync();
        await using var db = databases.Context(connectionString);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await TablesAsync(db);
        foreach (var expected in new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "Governments", "Memberships", "MembershipStatusChanges", "DuesSchedules", "OutboxMessages" })
            Assert.Contains(expected, tables);
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var missing = modelTables.Except(tables).ToList();
        Assert.True(missing.Count == 0,
            $"The {databases.ProviderName} migrations do not create the tables {string.Join(", ", missing)}. Add a migration: {databases.AddMigrationCommand()}");
    }

    [Fact]
    public async Task The_migrated_database_can_store_and_read_back_what_the_app_stores()
    {
        var connectionString = await databases.NewAsync();
        await using (var db = databases.Context(connectionString)) await db.Database.MigrateAsync();

        await using (var db = databases.Context(connectionString))
        {
            db.DuesSchedules.Add(Domain.Dues.DefaultDuesSchedules.IcleiUsaTiers(2026));
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Context(connectionString))
        {
            var schedule = await db.DuesSchedules.Include(s => s.Brackets).SingleAsync();
            Assert.Equal(2026, schedule.FiscalYear);
            Assert.Equal(10, schedule.Brackets.Count);
            Assert.Equal(1_750m, schedule.Brackets.Single(b => b.MinPopulation == 100_000).BaseAmount);
        }
    }

    private static async Task<List<string>> TablesAsync(DbContext db) =>
        await db.Database.SqlQueryRaw<string>(DatabaseSetup.ProviderOf(db) switch
            {
                DatabaseProvider.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'",
                DatabaseProvider.SqlServer => "SELECT TABLE_NAME AS [Value] FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA_NAME()",
                _ => "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()",
            })
            .ToListAsync();
}

public sealed class MigrationsTests_Sqlite(SqliteDatabases databases) : MigrationsTests(databases), IClassFixture<SqliteDatabases>;

public sealed class MigrationsTests_Postgres(PostgresDatabases databases) : MigrationsTests(databases), IClassFixture<PostgresDatabases>;

public sealed class MigrationsTests_SqlServer(SqlServerDatabases databases) : MigrationsTests(databases), IClassFixture<SqlServerDatabases>;

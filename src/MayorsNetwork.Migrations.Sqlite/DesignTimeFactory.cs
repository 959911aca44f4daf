using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MayorsNetwork.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the context for this provider without starting the web app. No connection is
/// opened to add a migration:
///   dotnet tool restore
///   dotnet ef migrations add NAME --project src/MayorsNetwork.Migrations.Sqlite -o Migrations
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations)).Options);
}

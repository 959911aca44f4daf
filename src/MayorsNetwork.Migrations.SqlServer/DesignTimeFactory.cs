using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MayorsNetwork.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the context for this provider without starting the web app. No connection is
/// opened to add a migration (nor to script one, so no SQL Server is needed on the machine):
///   dotnet tool restore
///   dotnet ef migrations add NAME --project src/MayorsNetwork.Migrations.SqlServer -o Migrations
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlServer("Server=localhost;Database=design_time;Trusted_Connection=True;TrustServerCertificate=True", o => o.MigrationsAssembly(DatabaseSetup.SqlServerMigrations)).Options);
}

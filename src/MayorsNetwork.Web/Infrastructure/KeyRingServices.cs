using MayorsNetwork.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace MayorsNetwork.Web.Infrastructure;

public static class KeyRingServices
{
    /// <summary>
    /// One key ring for every instance, and a fixed application name, so instances with different content roots read
    /// each other's cookies and antiforgery tokens. The ring is kept in the database (the default on PostgreSQL and SQL
    /// Server: nothing to share but the database) or in the keys folder (the default on SQLite; shared by a volume or a
    /// network folder, relative folders resolved against the content root); DataProtection:Store chooses.
    /// </summary>
    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var keys = configuration.GetSection(KeyStorageOptions.Section).Get<KeyStorageOptions>() ?? new KeyStorageOptions();
        var folder = string.IsNullOrWhiteSpace(keys.KeysFolder) ? new KeyStorageOptions().KeysFolder : keys.KeysFolder;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var builder = services.AddDataProtection().SetApplicationName(KeyStorageOptions.ApplicationName);
        if (keys.StoreFor(database.Provider) == KeyStore.Database)
            builder.PersistKeysToDbContext<PortalDbContext>();
        else
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder))));
        return services;
    }
}

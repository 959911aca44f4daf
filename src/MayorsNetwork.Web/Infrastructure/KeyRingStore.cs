using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Puts the key ring where DataProtection:Store says (by default the database on PostgreSQL and SQL Server, the keys
/// folder on SQLite). Decided when the key manager is first built, from the validated options: a bad setting stops the
/// portal with its message instead of quietly choosing a store. The database store reads and writes through a context
/// of its own scope (the framework's repository), never the request's, so a key is never part of a page's transaction.
/// </summary>
public sealed class KeyRingStore(
    IServiceProvider services,
    IOptions<KeyStorageOptions> keys,
    IOptions<DatabaseOptions> database,
    IWebHostEnvironment environment,
    ILoggerFactory loggerFactory) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        var settings = keys.Value;
        options.XmlRepository = settings.StoreFor(database.Value.Provider) == KeyStore.Database
            ? new EntityFrameworkCoreXmlRepository<PortalDbContext>(services, loggerFactory)
            : new OwnerOnlyKeysFolder(new DirectoryInfo(settings.FullPath(environment.ContentRootPath)), loggerFactory);
    }
}

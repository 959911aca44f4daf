using Microsoft.AspNetCore.DataProtection;

namespace MayorsNetwork.Web.Infrastructure;

public static class KeyRingServices
{
    /// <summary>
    /// One key ring for every instance: the keys folder is shared (a volume, a network folder) and the
    /// application name is fixed, so instances with different content roots read each other's cookies and
    /// antiforgery tokens. Relative folders are resolved against the content root.
    /// </summary>
    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var keys = configuration.GetSection(KeyStorageOptions.Section).Get<KeyStorageOptions>() ?? new KeyStorageOptions();
        var folder = string.IsNullOrWhiteSpace(keys.KeysFolder) ? new KeyStorageOptions().KeysFolder : keys.KeysFolder;
        services.AddDataProtection()
            .SetApplicationName(KeyStorageOptions.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder))));
        return services;
    }
}

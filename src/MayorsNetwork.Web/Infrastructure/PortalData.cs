namespace MayorsNetwork.Web.Infrastructure;

/// <summary>The database: the portal's DbContext on the configured provider, with the interceptors that record the audit trail and evict cached pages.</summary>
public static class PortalData
{
    public static IServiceCollection AddPortalData(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddSingleton<DirectoryPageStarts>();
        services.AddSingleton<PublicPageEviction>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<AuditTrail>();
        // The options are built once (a singleton), not for every request's context: building them resolves the
        // provider, the SQLite file's full path and its folder, and EF's internal service provider each time.
        services.AddDbContext<PortalDbContext>((sp, o) =>
        {
            DatabaseSetup.Configure(o, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, environment.ContentRootPath);
            o.AddInterceptors(sp.GetRequiredService<AuditRecorder>(), sp.GetRequiredService<PublicPageEviction>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        return services;
    }
}

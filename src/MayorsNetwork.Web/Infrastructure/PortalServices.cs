using System.Threading.RateLimiting;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Infrastructure;

public static class Policies
{
    public const string Staff = "Staff";
}

/// <summary>Service registration and the request pipeline, kept out of Program.cs so it reads in one screen.</summary>
public static class PortalServices
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MembershipOptions>().Bind(configuration.GetSection(MembershipOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InvoiceOptions>().Bind(configuration.GetSection(InvoiceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyStorageOptions>().Bind(configuration.GetSection(KeyStorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicPageCacheOptions>().Bind(configuration.GetSection(PublicPageCacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DirectoryPageStarts>();
        services.AddSingleton<DirectoryChangeInterceptor>();
        // The options are built once (a singleton), not for every request's context: building them resolves the
        // provider, the SQLite file's full path and its folder, and EF's internal service provider each time.
        services.AddDbContext<PortalDbContext>((sp, o) =>
        {
            DatabaseSetup.Configure(o, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, environment.ContentRootPath);
            o.AddInterceptors(sp.GetRequiredService<DirectoryChangeInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);

        AddSharedKeys(services, configuration, environment);
        AddForwardedHeaders(services);

        AddAccounts(services, environment);

        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
        });
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempDataProvider(
            ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mn.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddAuthorizationBuilder()
            // Secure by default: a page is for signed-in users unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff, Roles.Admin));

        AddRateLimits(services);
        AddPublicPageCache(services);
        services.AddPortalCompression();

        // Bounded twice: the check gives up after DatabaseHealthCheck.Timeout, and the health service after this.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout: DatabaseHealthCheck.Timeout + TimeSpan.FromSeconds(2));

        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxProcessor>();
        services.AddHostedService<OutboxWorker>();

        services.AddScoped<DuesCalculator>();
        services.AddScoped<MembershipEmails>();
        services.AddScoped<MembershipApplications>();
        services.AddScoped<InvoiceIssuer>();
        services.AddScoped<InvoiceLedger>();
        services.AddScoped<DuesLifecycle>();
        services.AddScoped<RenewalRuns>();
        services.AddScoped<Rosters>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<CommitteeSeats>();
        services.AddScoped<Votes>();
        services.AddScoped<VoteResults>();
        services.AddHostedService<DailyJobsWorker>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<DemoData>();
        return services;
    }

    private static void AddAccounts(IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // ASVS 2.1: length, not composition; common passwords refused by CommonPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "mn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/accessdenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in person refused a page gets 403 at the address they asked for (the status code page
            // says "Not allowed"), not a redirect: the cookie handler's default sent them to a path with no page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// One key ring for every instance: the keys folder is shared (a volume, a network folder) and the
    /// application name is fixed, so instances with different content roots read each other's cookies and
    /// antiforgery tokens. Relative folders are resolved against the content root.
    /// </summary>
    private static void AddSharedKeys(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var keys = configuration.GetSection(KeyStorageOptions.Section).Get<KeyStorageOptions>() ?? new KeyStorageOptions();
        var folder = string.IsNullOrWhiteSpace(keys.KeysFolder) ? new KeyStorageOptions().KeysFolder : keys.KeysFolder;
        services.AddDataProtection()
            .SetApplicationName(KeyStorageOptions.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder))));
    }

    /// <summary>X-Forwarded-For and X-Forwarded-Proto, believed only from the configured proxies (none by default).</summary>
    private static void AddForwardedHeaders(IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.Proxies) o.KnownProxies.Add(proxy);
            foreach (var network in proxies.Value.Networks) o.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>
    /// Public pages that change rarely (home, dues, committees and rosters, meetings, closed votes' results) are
    /// kept in memory for <see cref="PublicPageCacheOptions.Seconds"/> and served without running the page, for
    /// anonymous visitors only; staff handlers evict a tag when they change what it shows.
    /// </summary>
    private static void AddPublicPageCache(IServiceCollection services)
    {
        services.AddSingleton<AnonymousPagePolicy>();
        services.AddOutputCache(o =>
        {
            foreach (var tag in CacheTags.Pages)
                o.AddPolicy(tag, b => b.AddPolicy<AnonymousPagePolicy>().Tag(CacheTags.AllPublicPages, tag));
        });
    }

    private static void AddRateLimits(IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Form posts to login, sign-up and password reset, per client address; pages themselves are not limited.
            // Each instance counts for itself: behind a load balancer with N instances a client may get up to N
            // times the limit. The client address is the proxy's X-Forwarded-For only when the proxy is configured.
            o.AddPolicy(RateLimitOptions.AuthPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First, so that everything after it (rate limits, logs, Secure cookies) sees the client's address and scheme.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled) app.UseForwardedHeaders();
        app.UseExceptionHandler("/error/500");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseRequestSummaryLog();
        app.UseResponseCompression();
        // Figures and dates read the American way whatever the server's locale.
        app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("en-US").AddSupportedCultures("en-US").AddSupportedUICultures("en-US"));
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles(StaticFileCaching.Options());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so that the cache knows who is signed in (and serves them nothing from it).
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Unknown addresses are a 404 page for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}

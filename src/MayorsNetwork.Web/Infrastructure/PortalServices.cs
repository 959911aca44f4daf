using FluentValidation;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Service registration, kept out of Program.cs so it reads in one screen; each concern has its own file beside this one.</summary>
public static class PortalServices
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddValidatedOptions<MembershipOptions>(configuration, MembershipOptions.Section);
        services.AddValidatedOptions<InvoiceOptions>(configuration, InvoiceOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddValidatedOptions<KeyStorageOptions>(configuration, KeyStorageOptions.Section);
        services.AddValidatedOptions<ProxyOptions>(configuration, ProxyOptions.Section);
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddValidatedOptions<PublicPageCacheOptions>(configuration, PublicPageCacheOptions.Section);

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

        services.AddPortalKeyRing(configuration);
        services.AddPortalForwardedHeaders();
        services.AddPortalAllowedHosts(configuration, environment);
        services.AddPortalAccounts(environment);

        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
            // After authorization: staff without two-step verification are sent to enrol (Security:RequireStaffTwoFactor).
            o.Conventions.AddFolderApplicationModelConvention("/Staff", page => page.Filters.Add(new ServiceFilterAttribute(typeof(StaffTwoFactorGate))));
        });
        // Every bound value of every page is screened for control characters and the like before a handler runs.
        services.AddSingleton<TextInputScreening>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<TextInputScreening>(TextInputScreening.Order));
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

        services.AddPortalHsts();
        services.AddPortalRateLimits();
        services.AddPublicPageCache();
        services.AddPortalCompression();

        // Bounded twice: the check gives up after DatabaseHealthCheck.Timeout, and the health service after this.
        services.AddSingleton<DatabaseProbeGate>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout: DatabaseHealthCheck.Timeout + TimeSpan.FromSeconds(2));

        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHostedService<DeprecatedSettingsWarning>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxProcessor>();
        services.AddHostedService<OutboxWorker>();

        services.AddScoped<DuesCalculator>();
        services.AddSingleton<PortalLinks>();
        services.AddScoped<MembershipEmails>();
        services.AddScoped<AccountNotices>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<StaffTwoFactorGate>();
        services.AddScoped<MembershipApplications>();
        services.AddScoped<InvoiceIssuer>();
        services.AddScoped<InvoiceLedger>();
        services.AddScoped<DuesLifecycle>();
        services.AddScoped<RenewalRuns>();
        services.AddScoped<Rosters>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<CommitteeSeats>();
        services.AddScoped<BallotBox>();
        services.AddScoped<Pages.Votes.LiveTally>();
        services.AddScoped<VoteResults>();
        services.AddSingleton<PolicyReportStore>();
        services.AddHostedService<DailyJobsWorker>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<DemoData>();
        // Every FluentValidation validator of the web project (pages' nested validators included), for pages to inject.
        services.AddValidatorsFromAssembly(typeof(PortalServices).Assembly, ServiceLifetime.Singleton);
        return services;
    }
}

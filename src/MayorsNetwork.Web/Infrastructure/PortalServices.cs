using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Seeding;
using MayorsNetwork.Web.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Service registration, kept out of Program.cs so it reads in one screen. Each concern registers itself from its
/// own file beside this one (options, data, key ring, proxies, hosts, identity, pages, HSTS, rate limits, cache,
/// compression); the application's own services are listed here.
/// </summary>
public static class PortalServices
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddPortalOptions(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddPortalData(environment);

        services.AddPortalKeyRing(configuration);
        services.AddPortalForwardedHeaders();
        services.AddPortalAllowedHosts(configuration, environment);
        services.AddPortalAccounts(environment);
        services.AddPortalPages(environment);

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
        services.AddScoped<BillingReferences>();
        services.AddScoped<BillingContacts>();
        services.AddScoped<CouncilHolds>();
        services.AddScoped<AssociationDocuments>();
        services.AddScoped<AssociationDocumentLinks>();
        services.AddScoped<CouncilPackets>();
        services.AddScoped<DuesLifecycle>();
        services.AddScoped<CensusFigures>();
        services.AddScoped<BudgetNotices>();
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

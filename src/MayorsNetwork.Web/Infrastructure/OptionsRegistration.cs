using System.Diagnostics.CodeAnalysis;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Settings bound from one configuration section and checked when the portal starts, so a bad value stops it with a message.</summary>
public static class OptionsRegistration
{
    /// <summary>Every settings class of the portal, each from its own section.</summary>
    public static IServiceCollection AddPortalOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddValidatedOptions<MembershipOptions>(configuration, MembershipOptions.Section);
        services.AddValidatedOptions<InvoiceOptions>(configuration, InvoiceOptions.Section);
        services.AddValidatedOptions<CouncilPacketOptions>(configuration, CouncilPacketOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddValidatedOptions<KeyStorageOptions>(configuration, KeyStorageOptions.Section);
        services.AddValidatedOptions<ProxyOptions>(configuration, ProxyOptions.Section);
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddValidatedOptions<PublicPageCacheOptions>(configuration, PublicPageCacheOptions.Section);
        return services;
    }

    public static OptionsBuilder<T> AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(
        this IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}

using Microsoft.AspNetCore.HostFiltering;

namespace MayorsNetwork.Web.Infrastructure;

public static class AllowedHostsServices
{
    /// <summary>
    /// In Production, when <c>AllowedHosts</c> is not set, the portal answers only to <c>Membership:PublicUrl</c>'s
    /// host: a request naming another Host gets 400 from the framework's host filtering, before any page runs.
    /// Links in emails never come from the request anyway (<see cref="Services.PortalLinks"/>); this keeps the
    /// pages themselves from being served under a name that is not ours. Elsewhere (Development, tests) any host
    /// is served unless <c>AllowedHosts</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddPortalAllowedHosts(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (!environment.IsProduction() || !string.IsNullOrWhiteSpace(configuration["AllowedHosts"])) return services;
        // Configure runs before the web host's own PostConfigure, which falls back to "*" only when the list is empty.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<MembershipOptions>>((o, membership) =>
        {
            if (o.AllowedHosts.Count == 0) o.AllowedHosts = [HostOf(membership.Value.PublicUrl)];
        });
        return services;
    }

    /// <summary>The host as host filtering compares it: punycode for names, brackets for IPv6, no port.</summary>
    public static string HostOf(string publicUrl)
    {
        var uri = new Uri(publicUrl, UriKind.Absolute);
        return uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
    }
}

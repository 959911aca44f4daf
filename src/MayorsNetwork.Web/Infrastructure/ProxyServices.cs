using Microsoft.AspNetCore.HttpOverrides;

namespace MayorsNetwork.Web.Infrastructure;

public static class ProxyServices
{
    /// <summary>X-Forwarded-For and X-Forwarded-Proto, believed only from the configured proxies (none by default).</summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
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
        return services;
    }
}

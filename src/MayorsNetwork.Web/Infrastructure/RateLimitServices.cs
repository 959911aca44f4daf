using System.Threading.RateLimiting;

namespace MayorsNetwork.Web.Infrastructure;

public static class RateLimitServices
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
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
        return services;
    }
}

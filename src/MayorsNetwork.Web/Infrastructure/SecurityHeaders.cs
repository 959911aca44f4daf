namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Headers on every response: no inline script, no framing, no MIME sniffing, a strict referrer policy.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>How long browsers remember to use only https here (ASVS 3.4.1 asks for at least a year).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// Strict-Transport-Security on every https response outside Development (the pipeline's <c>UseHsts</c>): a year,
    /// subdomains of the portal's host included (ASVS 3.4.1 at Level 2), not preloaded (preloading is a decision for
    /// the association's whole domain, not for this portal).
    /// </summary>
    public static IServiceCollection AddPortalHsts(this IServiceCollection services) => services.AddHsts(o =>
    {
        o.MaxAge = HstsMaxAge;
        o.IncludeSubDomains = true;
        o.Preload = false;
    });

    /// <summary>
    /// Set before the rest of the pipeline runs (no callback per request). The exception handler clears headers
    /// before it re-runs the pipeline for its error page, which passes through here again and gets them back.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    });
}

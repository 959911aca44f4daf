using Microsoft.AspNetCore.ResponseCompression;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Brotli or gzip, over HTTPS too, but only for responses that hold no secret. BREACH recovers a secret from the
/// compressed size of responses that also reflect attacker-chosen text, so compressed are: static files (the
/// same for everyone), and pages for visitors who are not signed in whose response sets no cookie and is not
/// marked no-store (the antiforgery system marks every page with a form token so). A signed-in person's pages,
/// which may show their own data beside what they typed, go uncompressed.
/// </summary>
public sealed class NoSecretsCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        if (!base.ShouldCompressResponse(context)) return false;
        // Static files are served before routing, so no endpoint is chosen for them.
        if (context.GetEndpoint() is null && context.Response.StatusCode == StatusCodes.Status200OK) return true;
        if (context.User.Identity?.IsAuthenticated == true) return false;
        var headers = context.Response.Headers;
        if (headers.SetCookie.Count > 0) return false;
        return !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);
    }
}

using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

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

public static class CompressionSetup
{
    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "text/csv"];
        });
        // Fastest (the default level): cached pages are compressed again on every request, so CPU matters more than bytes.
        services.AddSingleton<IResponseCompressionProvider, NoSecretsCompressionProvider>();
        return services;
    }
}

/// <summary>Cache-Control for static files.</summary>
public static class StaticFileCaching
{
    /// <summary>Files without a version in their address may change with a release: browsers check again after this.</summary>
    public const int UnversionedSeconds = 600;

    public static StaticFileOptions Options() => new()
    {
        OnPrepareResponse = file =>
        {
            // asp-append-version adds ?v=<hash of the content>: a new file gets a new address, so this one never changes.
            file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : $"public, max-age={UnversionedSeconds}";
        },
    };
}

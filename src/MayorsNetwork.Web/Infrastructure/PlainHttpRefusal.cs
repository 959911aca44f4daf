using System.Text.Encodings.Web;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Outside Development the portal's cookies are Secure, and antiforgery refuses to issue a form token over plain HTTP
/// (its cookie's SecurePolicy is Always: GetAndStoreTokens throws InvalidOperationException), so served over http every
/// page with a form answered 500, and a sign-in "succeeded" with a cookie the browser never sent back. Instead, every
/// request that arrives over plain HTTP (as the portal sees it: after a configured proxy's X-Forwarded-Proto) is
/// answered with a page that says so and names the setting, except /healthz, which a load balancer probes over http.
/// <para>
/// The status is 400: the request cannot be served as made, and nothing is wrong with the server (a 5xx would page
/// someone about a healthy instance) nor with the client's rights (403). Not 421 Misdirected Request: browsers take
/// that as a connection problem and retry it. Logged once per instance at Warning: a misconfigured proxy sends every
/// request this way, and one line says all there is to say.
/// </para>
/// </summary>
public sealed class PlainHttpRefusal(RequestDelegate next, ILogger<PlainHttpRefusal> logger)
{
    public const string Title = "This portal must be served over HTTPS";

    private int _warned;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz")) return next(context);

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning(
                "A request came over plain HTTP (scheme {Scheme}); such requests are answered 400 with a page saying the portal must be served over HTTPS. " +
                "Put TLS in front of the portal, and if a proxy terminates it, set ForwardedHeaders:KnownProxies (or KnownNetworks) to the proxy's address " +
                "so that its X-Forwarded-Proto is believed. Logged once.",
                context.Request.Scheme);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(Page(context.Request.Host.Value ?? ""));
    }

    private static string Page(string host) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{Title}</title></head>
        <body>
        <main>
        <h1>{Title}</h1>
        <p>This address was opened over plain HTTP. Sign-in and forms need a secure connection, so nothing is served this way.</p>
        <p>Open <strong>https://{HtmlEncoder.Default.Encode(host)}/</strong> instead.</p>
        <h2>For the people who run the portal</h2>
        <p>Serve it over HTTPS: put a TLS-terminating proxy (a load balancer, Caddy, nginx) in front of it, or give Kestrel a
        certificate. If a proxy already terminates TLS, set <code>ForwardedHeaders:KnownProxies</code> (or
        <code>ForwardedHeaders:KnownNetworks</code>) to the proxy's address, so that its <code>X-Forwarded-Proto: https</code>
        header is believed. <code>/healthz</code> still answers over plain HTTP.</p>
        </main>
        </body>
        </html>
        """;
}

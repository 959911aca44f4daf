using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Added to the framework's default policy (GET and HEAD, status 200, no Set-Cookie, no Authorization header,
/// not signed in, varied by the whole query string): also not when the request carries a sign-in or TempData
/// cookie (a status message after a redirect must be shown, and an expired sign-in is still someone's), nor when
/// the response must not be stored (a form's antiforgery token marks it no-store).
/// </summary>
public sealed class AnonymousPagePolicy(IOptions<PublicPageCacheOptions> options) : IOutputCachePolicy
{
    public const string SignInCookie = "mn.auth";
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (options.Value.Seconds == 0)
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.Value.Seconds);
        foreach (var name in context.HttpContext.Request.Cookies.Keys)
        {
            if (name.StartsWith(SignInCookie, StringComparison.Ordinal) || name == TempDataCookie)
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                break;
            }
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var cacheControl = context.HttpContext.Response.Headers.CacheControl.ToString();
        if (cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

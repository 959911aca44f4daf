using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>What a page or a writer tells the public-page cache.</summary>
public static class PublicPageCacheExtensions
{
    /// <summary>For a page that decides while rendering that this response must not be kept (an open vote's page).</summary>
    public static void DoNotCache(this HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature) feature.Context.AllowCacheStorage = false;
    }

    /// <summary>
    /// Forgets this instance's copies of the pages with this tag. Saves through the portal's DbContext need not call
    /// it (<see cref="PublicPageEviction"/> does); it is for a change written some other way.
    /// </summary>
    public static ValueTask EvictAsync(this IOutputCacheStore store, string tag) => store.EvictByTagAsync(tag, CancellationToken.None);
}

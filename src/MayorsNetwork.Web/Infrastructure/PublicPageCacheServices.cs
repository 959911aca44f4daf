namespace MayorsNetwork.Web.Infrastructure;

public static class PublicPageCacheServices
{
    /// <summary>
    /// Public pages that change rarely (home, dues, committees and rosters, meetings, closed votes' results) are
    /// kept in memory for <see cref="PublicPageCacheOptions.Seconds"/> and served without running the page, for
    /// anonymous visitors only; <see cref="PublicPageEviction"/> evicts a tag when a save changes what it shows.
    /// </summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<AnonymousPagePolicy>();
        services.AddOutputCache(o =>
        {
            foreach (var tag in CacheTags.Pages)
                o.AddPolicy(tag, b => b.AddPolicy<AnonymousPagePolicy>().Tag(CacheTags.AllPublicPages, tag));
        });
        return services;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>How long an instance keeps a public page it has rendered (ASP.NET Core's in-memory output cache).</summary>
public sealed class PublicPageCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>
    /// Each instance has its own cache: a change made through another instance evicts only that one's, so an
    /// instance may show the old page for at most this long. 0 turns the cache off.
    /// </summary>
    [Range(0, 3_600)]
    public int Seconds { get; set; } = 10;
}

/// <summary>Tags of cached pages; staff handlers that change the data behind a page evict its tag.</summary>
public static class CacheTags
{
    /// <summary>On every cached page: evicting it empties the cache.</summary>
    public const string AllPublicPages = "public";

    public const string Home = "home";
    public const string Dues = "dues";
    public const string Committees = "committees";
    public const string Meetings = "meetings";

    /// <summary>The member directory: evicted whenever this instance saves a membership or a government.</summary>
    public const string Members = "members";

    /// <summary>Results of closed votes (open votes are never stored).</summary>
    public const string Votes = "votes";

    public static readonly IReadOnlyList<string> Pages = [Home, Dues, Committees, Meetings, Members, Votes];

    /// <summary>The output cache policy of pages with this tag (policy names are the tags).</summary>
    public const string HomePolicy = Home, DuesPolicy = Dues, CommitteesPolicy = Committees, MeetingsPolicy = Meetings, MembersPolicy = Members, VotesPolicy = Votes;
}

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

public static class PublicPageCacheExtensions
{
    /// <summary>For a page that decides while rendering that this response must not be kept (an open vote's page).</summary>
    public static void DoNotCache(this HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature) feature.Context.AllowCacheStorage = false;
    }

    /// <summary>Forgets this instance's copies of the pages with this tag; call after saving a change they show.</summary>
    public static ValueTask EvictAsync(this IOutputCacheStore store, string tag) => store.EvictByTagAsync(tag, CancellationToken.None);
}

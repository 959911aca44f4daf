using System.ComponentModel.DataAnnotations;

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

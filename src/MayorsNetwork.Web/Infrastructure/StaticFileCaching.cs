namespace MayorsNetwork.Web.Infrastructure;

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

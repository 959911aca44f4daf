namespace MayorsNetwork.Bench;

/// <summary>
/// A section of RESULTS.md between two HTML-comment markers, which one bench tool rewrites on each run while the
/// rest of the file is kept as it is (the bench command's run, the vote storm's table).
/// </summary>
/// <param name="Before">The text before the begin marker.</param>
/// <param name="Inside">The section from its begin marker up to (not including) its end marker.</param>
/// <param name="After">The text after the end marker.</param>
public sealed record MarkedSection(string Before, string Inside, string After)
{
    /// <summary>The section whose begin marker starts with <paramref name="beginPrefix"/> (its comment's wording may change), or null when there is none.</summary>
    public static MarkedSection? Find(string text, string beginPrefix, string end)
    {
        var b = text.IndexOf(beginPrefix, StringComparison.Ordinal);
        var e = text.IndexOf(end, StringComparison.Ordinal);
        return b >= 0 && e > b ? new MarkedSection(text[..b], text[b..e], text[(e + end.Length)..]) : null;
    }
}

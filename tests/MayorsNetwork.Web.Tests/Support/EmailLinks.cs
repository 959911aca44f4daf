using System.Text.RegularExpressions;
using AngleSharp;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>The links an email holds: the addresses in its text body and the &lt;a&gt; tags of its HTML body.</summary>
public static partial class EmailLinks
{
    public static IReadOnlyList<string> InText(string text) => UrlPattern().Matches(text).Select(m => m.Value).ToList();

    /// <summary>Every &lt;a&gt; of the HTML body, as the mail client's parser sees it: its href, or "" when it has none.</summary>
    public static IReadOnlyList<string> Anchors(string html)
    {
        var document = BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)).GetAwaiter().GetResult();
        return document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    /// <summary>Asserts that every link of the message, in both bodies, starts with the public address; returns the HTML's hrefs.</summary>
    public static IReadOnlyList<string> AssertOnlyTo(OutboxMessage message, string publicUrl)
    {
        var root = publicUrl.TrimEnd('/') + "/";
        foreach (var url in InText(message.TextBody))
            Assert.True(url.StartsWith(root, StringComparison.Ordinal), $"'{message.Subject}' has the text link {url}, not on {root}");
        var hrefs = Anchors(message.HtmlBody);
        foreach (var href in hrefs)
            Assert.True(href.StartsWith(root, StringComparison.Ordinal), $"'{message.Subject}' links to {href}, not on {root}");
        return hrefs;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex UrlPattern();
}

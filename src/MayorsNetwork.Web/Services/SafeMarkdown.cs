using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Markdown written by staff, rendered for the public: raw HTML is shown as text (never run), links go only
/// to http, https and mailto addresses, and images are shown as their description.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsAllowed(link.Url)) link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(link.IsEmail ? "mailto:" + link.Url : link.Url)) link.ReplaceBy(new LiteralInline(link.Url), copyChildren: false);
        }

        return new HtmlString(Markdown.ToHtml(document, Pipeline));
    }

    /// <summary>Absolute http(s) and mailto addresses only: no javascript:, data:, or relative tricks.</summary>
    public static bool IsAllowed(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static string TextOf(ContainerInline container) =>
        string.Concat(container.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));
}

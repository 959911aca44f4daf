using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// A resolution's Markdown as plain blocks for print: headings, paragraphs, list items (numbered or bulleted,
/// nested), quotes and code. Parsed with raw HTML disabled, so "&lt;script&gt;" is text like any other; links
/// print as their text followed by the address.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IReadOnlyList<TextBlock> Blocks(string? markdown)
    {
        var blocks = new List<TextBlock>();
        if (string.IsNullOrWhiteSpace(markdown)) return blocks;
        Walk(Markdown.Parse(markdown, Pipeline), blocks, listLevel: 0, quoted: false);
        return blocks;
    }

    private static void Walk(ContainerBlock container, List<TextBlock> blocks, int listLevel, bool quoted)
    {
        foreach (var block in container) WalkBlock(block, blocks, listLevel, quoted);
    }

    private static void WalkBlock(Block block, List<TextBlock> blocks, int listLevel, bool quoted)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new TextBlock(TextBlockKind.Heading, Inline(heading.Inline), heading.Level));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p) blocks.Add(new TextBlock(TextBlockKind.ListItem, Inline(p.Inline), listLevel + 1, marker));
                        else
                        {
                            if (first) blocks.Add(new TextBlock(TextBlockKind.ListItem, "", listLevel + 1, marker));
                            WalkBlock(child, blocks, listLevel + 1, quoted);
                        }

                        first = false;
                    }
                }

                break;
            case QuoteBlock quote:
                Walk(quote, blocks, listLevel, quoted: true);
                break;
            case ThematicBreakBlock:
                blocks.Add(new TextBlock(TextBlockKind.Rule, ""));
                break;
            case CodeBlock code:
                blocks.Add(new TextBlock(TextBlockKind.Code, code.Lines.ToString().TrimEnd()));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(listLevel > 0
                    ? new TextBlock(TextBlockKind.ListItem, Inline(paragraph.Inline), listLevel, "")
                    : new TextBlock(quoted ? TextBlockKind.Quote : TextBlockKind.Paragraph, Inline(paragraph.Inline)));
                break;
            case ContainerBlock other:
                Walk(other, blocks, listLevel, quoted);
                break;
            case LeafBlock leaf:
                blocks.Add(new TextBlock(quoted ? TextBlockKind.Quote : TextBlockKind.Paragraph, Leaf(leaf)));
                break;
        }
    }

    private static string Leaf(Block block) => block is LeafBlock leaf
        ? leaf.Inline is { } inline ? Inline(inline) : leaf.Lines.ToString()
        : "";

    private static string Inline(ContainerInline? container)
    {
        if (container is null) return "";
        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString().Trim();
    }

    private static void Append(ContainerInline container, StringBuilder sb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline link:
                    var before = sb.Length;
                    Append(link, sb);
                    var url = link.Url?.Trim();
                    if (!link.IsImage && !string.IsNullOrEmpty(url) && SafeMarkdown.IsAllowed(url) && sb.ToString(before, sb.Length - before) != url)
                        sb.Append(" (").Append(url).Append(')');
                    break;
                case ContainerInline nested:
                    Append(nested, sb);
                    break;
                default:
                    sb.Append(LeafText(inline));
                    break;
            }
        }
    }

    /// <summary>The plain text of an inline that holds no other inlines.</summary>
    private static string LeafText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        LineBreakInline lineBreak => lineBreak.IsHard ? "\n" : " ",
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        AutolinkInline autolink => autolink.Url,
        // Not produced with HTML disabled; printed as text all the same, should it ever be.
        HtmlInline html => html.Tag,
        _ => "",
    };
}

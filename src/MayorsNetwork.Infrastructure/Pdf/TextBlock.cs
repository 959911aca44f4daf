namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>A block of a resolution's text, read from its Markdown: what the PDF draws as a heading, a paragraph or a list item.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text, int Level = 0, string? Marker = null);

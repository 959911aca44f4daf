namespace MayorsNetwork.Infrastructure.Pdf;

public enum TextBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Code,
    Rule,
}

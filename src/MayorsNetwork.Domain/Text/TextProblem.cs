namespace MayorsNetwork.Domain.Text;

/// <summary>Why a typed value is refused before any page acts on it (see <see cref="TypedText"/>).</summary>
public enum TextProblem
{
    None,

    /// <summary>A line break or tab in a field that holds one line (a name, a title, an address line, an email address).</summary>
    LineBreakOrTab,

    /// <summary>NUL or another C0/C1 control character: invisible, breaks emails and some databases.</summary>
    ControlCharacter,

    /// <summary>A bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069), which can disguise text.</summary>
    DirectionOverride,

    /// <summary>A lone surrogate, or the replacement character a browser's broken encoding decodes to.</summary>
    Unreadable,

    /// <summary>Longer than any field of the portal takes (a page's own limit is usually lower).</summary>
    TooLong,
}

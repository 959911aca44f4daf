namespace MayorsNetwork.Domain.Text;

/// <summary>
/// What a value typed into any form of the portal may hold (issue 11, defects 8 and 9). Every field is one line
/// unless it is marked as several lines (an address, a resolution's text, a reason): in one line CR, LF, TAB and the
/// Unicode line and paragraph separators are refused, because names and titles go into email headers, subjects and
/// PDFs. Everywhere, other control characters (NUL included), lone surrogates and bidirectional overrides are refused.
/// </summary>
public static class TypedText
{
    /// <summary>Longer than any one-line field needs (names 120, email addresses 254, a passkey's JSON a few thousand); pages set their own, lower limits.</summary>
    public const int SingleLineMaxLength = 20_000;

    /// <summary>Longer than any field of several lines needs (a resolution's text is at most 20,000 characters).</summary>
    public const int MultiLineMaxLength = 50_000;

    public static int MaxLength(bool multiLine) => multiLine ? MultiLineMaxLength : SingleLineMaxLength;

    /// <summary>The first reason to refuse <paramref name="value"/>; a line break only when nothing worse is found.</summary>
    public static TextProblem Check(string value, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength(multiLine)) return TextProblem.TooLong;

        var lineBreak = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return TextProblem.Unreadable;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFD') return TextProblem.Unreadable;
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                lineBreak |= !multiLine;
                continue;
            }

            if (char.IsControl(c)) return TextProblem.ControlCharacter;
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')) return TextProblem.DirectionOverride;
        }

        return lineBreak ? TextProblem.LineBreakOrTab : TextProblem.None;
    }
}

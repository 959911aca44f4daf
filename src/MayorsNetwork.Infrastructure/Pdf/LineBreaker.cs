using System.Globalization;
using System.Text;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// Breaks text into lines no wider than a given width, at spaces, and inside a word only when the word alone
/// is too wide (a long URL). The work is linear in the length of the text (issue 11, defect 5): each word is
/// measured once, and a word that must be broken is laid out from the widths of its characters, each distinct
/// character measured once, instead of re-measuring ever shorter prefixes (which was cubic in the word's length).
/// Widths add up because PDFsharp places glyphs by their advance widths without kerning; a hair of slack keeps
/// rounding in those sums from letting a line overrun.
/// </summary>
public sealed class LineBreaker(Func<string, double> measure)
{
    /// <summary>Points given up at the end of a line so that floating-point rounding in sums never overruns.</summary>
    private const double Slack = 1e-6;

    private readonly Dictionary<char, double> _charWidths = [];
    private double? _spaceWidth;

    /// <summary>
    /// The lines of <paramref name="text"/>: a new line at each '\n', then at spaces; several spaces in a row count as
    /// one; a word wider than the line is cut between characters (never before an accent that combines with the
    /// character before it), its last part going on with the next words.
    /// </summary>
    public List<string> Wrap(string text, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var hardLine in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            line.Clear();
            var lineWidth = 0.0;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = measure(word);
                var needed = line.Length == 0 ? wordWidth : lineWidth + SpaceWidth + wordWidth;
                if (needed <= width - Slack)
                {
                    if (line.Length > 0) line.Append(' ');
                    line.Append(word);
                    lineWidth = needed;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                if (wordWidth <= width - Slack)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }

                // Too wide alone: whole lines of it, and what is left starts the next line.
                var start = 0;
                var pieceWidth = 0.0;
                for (var i = 0; i < word.Length;)
                {
                    var end = ClusterEnd(word, i);
                    var clusterWidth = Width(word, i, end);
                    if (i > start && pieceWidth + clusterWidth > width - Slack)
                    {
                        lines.Add(word[start..i]);
                        start = i;
                        pieceWidth = 0;
                    }

                    pieceWidth += clusterWidth;
                    i = end;
                }

                line.Append(word, start, word.Length - start);
                lineWidth = pieceWidth;
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>
    /// <paramref name="text"/> on one line: as it is if it fits, otherwise as much of its start as fits followed by
    /// <paramref name="ellipsis"/> (at least one character, however narrow the width).
    /// </summary>
    public string Fit(string text, double width, string ellipsis = "…")
    {
        if (measure(text) <= width) return text;
        var room = width - measure(ellipsis) - Slack;
        var used = 0.0;
        var length = 0;
        while (length < text.Length)
        {
            var end = ClusterEnd(text, length);
            var clusterWidth = Width(text, length, end);
            if (length > 0 && used + clusterWidth > room) break;
            used += clusterWidth;
            length = end;
        }

        return text[..length] + ellipsis;
    }

    private double SpaceWidth => _spaceWidth ??= measure(" ");

    private double Width(string s, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            var c = s[i];
            if (!_charWidths.TryGetValue(c, out var w))
            {
                w = measure(c.ToString());
                _charWidths[c] = w;
            }

            sum += w;
        }

        return sum;
    }

    /// <summary>
    /// Where the character at <paramref name="i"/> ends together with what belongs to it: a surrogate pair, or
    /// accents that combine with it ("e" + U+0301). A line is never cut inside such a cluster.
    /// </summary>
    private static int ClusterEnd(string s, int i)
    {
        var end = i + 1;
        if (char.IsHighSurrogate(s[i]) && end < s.Length && char.IsLowSurrogate(s[end])) end++;
        while (end < s.Length && IsCombining(s[end])) end++;
        return end;
    }

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

using System.Text;
using System.Text.Encodings.Web;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// A horizontal bar chart of a closed vote: Yes, No, Abstain and Not voted, as shares of the electors, with the
/// count written beside each bar. Server-rendered SVG with a title and description for screen readers; colours
/// are presentation attributes (no style attribute or element, which the Content-Security-Policy refuses), and
/// every label is text we compute or encode.
/// </summary>
public static class ResultsChart
{
    private const int Width = 640, Left = 110, Right = 90, Top = 10, BarHeight = 34, Gap = 14;

    /// <summary>The bars in order, with their colours (USWDS green, red, gray, light gray) and counts.</summary>
    public static IReadOnlyList<(string Label, int Count, string Fill)> Bars(Tally tally) =>
    [
        ("Yes", tally.Yes, "#00a91c"),
        ("No", tally.No, "#d83933"),
        ("Abstain", tally.Abstain, "#71767a"),
        ("Not voted", Math.Max(0, tally.Electors - tally.Cast), "#c9c9c9"),
    ];

    public static string Description(Tally tally) => string.Create(CultureInfo.InvariantCulture,
        $"Of {tally.Electors:N0} elector cities: {string.Join(", ", Bars(tally).Select(b => $"{b.Label} {b.Count:N0} ({Percent(b.Count, tally.Electors)})"))}.");

    public static string Percent(int count, int of) => of == 0 ? "0%" : (100.0 * count / of).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Render(Tally tally)
    {
        var bars = Bars(tally);
        var height = Top + (bars.Count * (BarHeight + Gap));
        var scale = (double)(Width - Left - Right) / Math.Max(1, tally.Electors);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var enc = HtmlEncoder.Default;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"results-chart\" width=\"100%\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"results-chart-title results-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Source Sans Pro Web, Helvetica Neue, Helvetica, Arial, sans-serif\" font-size=\"15\">");
        sb.Append("<title id=\"results-chart-title\">Ballots by choice</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"results-chart-desc\">{enc.Encode(Description(tally))}</desc>");
        var y = Top;
        foreach (var (label, count, fill) in bars)
        {
            var w = count * scale;
            var mid = y + (BarHeight / 2.0) + 5;
            sb.Append(CultureInfo.InvariantCulture, $"<g data-choice=\"{enc.Encode(label)}\" data-count=\"{count}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 10}\" y=\"{F(mid)}\" text-anchor=\"end\" fill=\"#1b1b1b\">{enc.Encode(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{Width - Left - Right}\" height=\"{BarHeight}\" fill=\"#f0f0f0\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{Left}\" y=\"{y}\" width=\"{F(w)}\" height=\"{BarHeight}\" fill=\"{fill}\"><title>{enc.Encode($"{label}: {count:N0} ({Percent(count, tally.Electors)})")}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 8}\" y=\"{F(mid)}\" fill=\"#1b1b1b\" font-weight=\"700\">{count:N0}</text>");
            sb.Append("</g>");
            y += BarHeight + Gap;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}

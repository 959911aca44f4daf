using System.Text;
using System.Text.Encodings.Web;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Staff.Populations;

/// <summary>
/// The chart of the population-figures preview (issue 14): one bar per bracket, the change in the dues it brings in
/// from this year to next (up for more, down for less), labelled with the change and the members moving in and out.
/// Inline SVG of numbers we compute and text we encode; no script.
/// </summary>
public static class ChangeChart
{
    private const int Width = 720, Height = 320, Left = 90, Right = 20, Top = 30, Bottom = 70;

    public static string Render(DuesPreview preview)
    {
        var rows = preview.Rows;
        var max = (double)Math.Max(1m, rows.Count == 0 ? 1m : rows.Max(r => Math.Abs(r.Difference))) * 1.15;
        var zero = Top + ((Height - Top - Bottom) / 2.0);
        var half = (Height - Top - Bottom) / 2.0;
        var slot = rows.Count == 0 ? 0 : (Width - Left - Right) / (double)rows.Count;
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        static string E(string s) => HtmlEncoder.Default.Encode(s);
        double Y(double amount) => zero - (amount / max * half);

        var description = preview.Difference switch
        {
            0 => "Next year's dues total the same as this year's.",
            > 0 => $"Next year's dues total {Money.Format(preview.Difference)} more than this year's.",
            _ => $"Next year's dues total {Money.Format(-preview.Difference)} less than this year's.",
        };
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"change-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"change-chart-title change-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"change-chart-title\">Change in dues by bracket, this year to next</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"change-chart-desc\">{E(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{F(zero)}\" x2=\"{Width - Right}\" y2=\"{F(zero)}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\"/>");
        foreach (var tick in new[] { -1.0, -0.5, 0, 0.5, 1.0 })
        {
            var amount = max / 1.15 * tick;
            var label = (amount < 0 ? "-" : amount > 0 ? "+" : "") + Money.Format(Math.Round(Math.Abs((decimal)amount))).Replace(".00", "", StringComparison.Ordinal);
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{F(Y(amount) + 4)}\" text-anchor=\"end\">{E(label)}</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var x = Left + (i * slot) + (slot * 0.15);
            var w = slot * 0.7;
            var y = Y((double)r.Difference);
            var top = Math.Min(y, zero);
            var height = Math.Max(Math.Abs(zero - y), r.Difference == 0 ? 0 : 1);
            var cls = r.Difference > 0 ? "bar-up" : r.Difference < 0 ? "bar-down" : "bar-same";
            var change = (r.Difference > 0 ? "+" : r.Difference < 0 ? "-" : "") + Money.Format(Math.Abs(r.Difference));
            var tip = string.Create(CultureInfo.InvariantCulture, $"{r.Bracket}: {change}; {r.MembersThisYear} members this year, {r.MembersNextYear} next ({r.MovingIn} moving in, {r.MovingOut} moving out)");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cls}\" x=\"{F(x)}\" y=\"{F(top)}\" width=\"{F(w)}\" height=\"{F(height)}\"><title>{E(tip)}</title></rect>");
            var labelY = r.Difference >= 0 ? top - 4 : top + height + 12;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"bar-label\" x=\"{F(x + (w / 2))}\" y=\"{F(labelY)}\" text-anchor=\"middle\">{E(change)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(x + (w / 2))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(Short(r.Bracket))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(x + (w / 2))}\" y=\"{Height - Bottom + 32}\" text-anchor=\"middle\">{E(string.Create(CultureInfo.InvariantCulture, $"+{r.MovingIn} / -{r.MovingOut}"))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{(Width + Left) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">Population bracket (members moving in / out)</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>"50,000 to 99,999" as "50K–100K", so that ten brackets fit under their bars.</summary>
    private static string Short(string bracket)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(bracket, @"\d[\d,]*").Select(m => long.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        static string K(long n) => n >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{n / 1_000_000.0:0.#}M")
            : n >= 1_000 ? string.Create(CultureInfo.InvariantCulture, $"{n / 1_000.0:0.#}K") : n.ToString(CultureInfo.InvariantCulture);
        return numbers.Count switch
        {
            2 => $"{K(numbers[0])}–{K(numbers[1] + 1)}",
            1 => $"{K(numbers[0])}+",
            _ => bracket.Length > 14 ? bracket[..14] : bracket,
        };
    }
}

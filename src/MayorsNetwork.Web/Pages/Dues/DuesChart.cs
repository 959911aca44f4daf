using System.Text;
using System.Text.Encodings.Web;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Dues;

/// <summary>
/// A small server-rendered SVG of dues against population (log scale), with the city's point marked.
/// Everything in it is numbers we compute or text we encode; no script.
/// </summary>
public static class DuesChart
{
    private const int Width = 640, Height = 300, Left = 70, Right = 20, Top = 20, Bottom = 50;
    private const double MinPop = 1_000, MaxPop = DuesSchedule.MaxPopulation;

    public static string Render(DuesSchedule schedule, int? population)
    {
        var points = Enumerable.Range(0, 241)
            .Select(i => (int)Math.Round(MinPop * Math.Pow(MaxPop / MinPop, i / 240.0)))
            .Select(p => (Pop: p, Amount: schedule.FullAmount(p)))
            .ToList();
        var marked = population is { } mp ? schedule.Quote(mp, newMember: false) : null;
        var maxAmount = (double)Math.Max(points.Max(p => p.Amount), marked?.FullAmount ?? 0) * 1.1;

        double X(double pop) => Left + ((Math.Log10(Math.Clamp(pop, MinPop, MaxPop)) - Math.Log10(MinPop)) / (Math.Log10(MaxPop) - Math.Log10(MinPop)) * (Width - Left - Right));
        double Y(double amount) => Top + ((1 - (amount / maxAmount)) * (Height - Top - Bottom));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        var description = marked is null
            ? "Annual dues rise with population."
            : $"A population of {marked.Population.ToString("N0", CultureInfo.InvariantCulture)} pays {Money.Format(marked.FullAmount)} a year.";
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"dues-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"dues-chart-title dues-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"dues-chart-title\">Annual dues by population</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"dues-chart-desc\">{HtmlEncoder.Default.Encode(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\"/>");
        foreach (var (tick, label) in new[] { (1e3, "1K"), (1e4, "10K"), (1e5, "100K"), (1e6, "1M"), (1e7, "10M") })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(X(tick))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{label}</text>");
        }

        for (var i = 0; i <= 4; i++)
        {
            var amount = maxAmount / 1.1 * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{F(Y(amount) + 4)}\" text-anchor=\"end\">{HtmlEncoder.Default.Encode(Money.Format(Math.Round((decimal)amount)).Replace(".00", "", StringComparison.Ordinal))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{(Width + Left) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">Population (log scale)</text>");
        // A step line: flat within a bracket, jumping at its edge.
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var (pop, amount) = points[i];
            if (i == 0) path.Append(CultureInfo.InvariantCulture, $"M{F(X(pop))},{F(Y((double)amount))}");
            else path.Append(CultureInfo.InvariantCulture, $" H{F(X(pop))} V{F(Y((double)amount))}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<path class=\"dues-line\" d=\"{path}\"/>");
        if (marked is not null)
        {
            var cx = X(marked.Population);
            var cy = Y((double)marked.FullAmount);
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"dues-point\" cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"6\"><title>{HtmlEncoder.Default.Encode(description)}</title></circle>");
            var anchor = cx > Width * 0.7 ? "end" : "start";
            var dx = anchor == "end" ? -10 : 10;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"dues-point-label\" x=\"{F(cx + dx)}\" y=\"{F(Math.Max(Top + 12, cy - 10))}\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(Money.Format(marked.FullAmount))}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}

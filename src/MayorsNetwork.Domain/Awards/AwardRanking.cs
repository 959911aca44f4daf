namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// Ranks a category's applications by one figure, best first. Equal figures share a rank (standard competition
/// ranking: 1, 2, 2, 4) and are marked tied: a tie is never broken silently. Weighted means are compared exactly (as
/// fractions); standardised figures are compared rounded to 9 decimal places, so that floating-point noise cannot split
/// a true tie. Within a tie, and among unscored applications (listed last, without a rank), the order is the city's
/// name, which decides nothing.
/// </summary>
public static class AwardRanking
{
    public static IReadOnlyList<RankedApplication> ForCategory(AwardResults results, AwardCategory category, RankingFigure figure) =>
        Rank(results.Applications.Where(a => a.CategoryId == category.Id), figure);

    public static IReadOnlyList<RankedApplication> Rank(IEnumerable<ApplicationResult> applications, RankingFigure figure)
    {
        var all = applications.ToList();
        var scored = all.Where(a => a.Scorecards > 0).ToList();
        var comparer = Comparer<ApplicationResult>.Create((x, y) => Compare(y, x, figure)); // best first
        var ordered = scored.OrderBy(a => a, comparer).ThenBy(a => a.City, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.ApplicationId).ToList();

        var ranked = new List<RankedApplication>(all.Count);
        for (var i = 0; i < ordered.Count;)
        {
            var end = i + 1;
            while (end < ordered.Count && Compare(ordered[end], ordered[i], figure) == 0) end++;
            for (var k = i; k < end; k++) ranked.Add(new RankedApplication(ordered[k], i + 1, end - i > 1));
            i = end;
        }

        ranked.AddRange(all.Where(a => a.Scorecards == 0)
            .OrderBy(a => a.City, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.ApplicationId)
            .Select(a => new RankedApplication(a, null, false)));
        return ranked;
    }

    /// <summary>Compares two scored applications by the figure (negative: <paramref name="x"/> is lower).</summary>
    public static int Compare(ApplicationResult x, ApplicationResult y, RankingFigure figure) => figure switch
    {
        // x.Total / x.Sum vs y.Total / y.Sum, both sums positive: compare the cross products (exact).
        RankingFigure.WeightedMean => (x.WeightedTotal * y.WeightSum).CompareTo(y.WeightedTotal * x.WeightSum),
        RankingFigure.Standardised => Math.Round(x.Standardised ?? 0, 9).CompareTo(Math.Round(y.Standardised ?? 0, 9)),
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// The figures of an award cycle (issue 16), from the complete scorecards that count: a scorecard counts unless its
/// judge declared a conflict on the application (withdrawn) or the application is the judge's own city's.
/// <list type="bullet">
/// <item><b>Weighted mean</b>: each card's weighted score is Σ weight × score ÷ Σ weight (1–5); an application's figure is
/// the mean of its cards' weighted scores, kept as an exact fraction.</item>
/// <item><b>Standardised (z-score)</b>: for each judge, the mean μ and the population standard deviation σ of the
/// weighted scores they gave across the cycle; each of their cards becomes z = (score − μ) ÷ σ; an application's figure
/// is the mean of its cards' z. A judge whose scores do not vary (σ = 0: every application scored alike, or only one
/// scored) tells nothing about which application is better, so their cards are left out of this figure (they still
/// count in the weighted mean) rather than counted as 0, which would pull the applications they scored toward the
/// average; an application scored only by such judges gets 0, the average, and <see cref="ApplicationResult.InformativeJudges"/> 0.</item>
/// </list>
/// </summary>
public sealed record AwardResults(IReadOnlyList<ApplicationResult> Applications, IReadOnlyList<JudgeTendency> Judges)
{
    /// <summary>Standard deviations below this are taken as zero (floating-point noise on equal scores).</summary>
    public const double NoSpread = 1e-9;

    public static AwardResults Compute(AwardCycle cycle, IEnumerable<AwardApplication> applications, IEnumerable<Scorecard> scorecards,
        IEnumerable<ConflictOfInterest> conflicts, IEnumerable<Judge> judges)
    {
        var apps = applications.Where(a => a.AwardCycleId == cycle.Id).ToList();
        var byId = apps.ToDictionary(a => a.Id);
        var judgeById = judges.ToDictionary(j => j.Id);
        var withdrawn = conflicts.Select(c => (c.JudgeId, c.ApplicationId)).ToHashSet();
        var totalWeight = cycle.TotalWeight;

        var cards = scorecards
            .Where(c => c.AwardCycleId == cycle.Id && byId.ContainsKey(c.ApplicationId) && c.IsComplete(cycle))
            .Where(c => !withdrawn.Contains((c.JudgeId, c.ApplicationId)))
            .Where(c => !(judgeById.TryGetValue(c.JudgeId, out var j) && j.IsOwnCity(byId[c.ApplicationId])))
            .Select(c => (c.JudgeId, c.ApplicationId, Total: c.WeightedTotal(cycle)))
            .ToList();

        var tendencies = cards.GroupBy(c => c.JudgeId).OrderBy(g => g.Key).Select(g =>
        {
            var scores = g.Select(c => (double)c.Total / totalWeight).ToList();
            var mean = scores.Average();
            var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count);
            return new JudgeTendency(g.Key, scores.Count, mean, sd, scores.Count >= 2 && sd > NoSpread);
        }).ToList();
        var tendency = tendencies.ToDictionary(t => t.JudgeId);

        var results = apps.Select(a =>
        {
            var mine = cards.Where(c => c.ApplicationId == a.Id).ToList();
            var z = mine.Where(c => tendency[c.JudgeId].Informative)
                .Select(c => ((double)c.Total / totalWeight - tendency[c.JudgeId].Mean) / tendency[c.JudgeId].StandardDeviation)
                .ToList();
            double? standardised = mine.Count == 0 ? null : z.Count == 0 ? 0 : z.Average();
            return new ApplicationResult(a.Id, a.CategoryId, a.City, mine.Count, mine.Sum(c => c.Total), (long)totalWeight * mine.Count, standardised, z.Count);
        }).ToList();
        return new AwardResults(results, tendencies);
    }
}

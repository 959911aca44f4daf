namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// An application's figures. The weighted mean is kept exactly, as <see cref="WeightedTotal"/> ÷ <see cref="WeightSum"/>
/// (so equal means compare equal and ties are real ties); <see cref="WeightedMean"/> is that quotient as a decimal.
/// </summary>
/// <param name="Scorecards">The complete scorecards that count (not withdrawn by a conflict).</param>
/// <param name="WeightedTotal">Σ over those cards of Σ weight × score.</param>
/// <param name="WeightSum">The rubric's total weight × the number of those cards.</param>
/// <param name="Standardised">The mean z-score over the informative judges; 0 when the application was scored only by
/// judges who gave every application the same score (or scored only one); null when unscored.</param>
/// <param name="InformativeJudges">How many judges' z-scores make up <paramref name="Standardised"/>.</param>
public sealed record ApplicationResult(int ApplicationId, int CategoryId, string City, int Scorecards, long WeightedTotal, long WeightSum,
    double? Standardised, int InformativeJudges)
{
    /// <summary>The weighted mean, 1–5, or null when no complete scorecard counts.</summary>
    public decimal? WeightedMean => WeightSum == 0 ? null : (decimal)WeightedTotal / WeightSum;
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>Which figure ranks the applications of a category. The results page shows both and says which is used.</summary>
public enum RankingFigure
{
    /// <summary>The mean of the judges' weighted rubric scores (1–5).</summary>
    WeightedMean = 1,

    /// <summary>The mean of the judges' standardised scores (z-scores), correcting for harsh and lenient judges.</summary>
    Standardised = 2,
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge's scoring habit: the mean and standard deviation of the weighted scores they gave.</summary>
/// <param name="Informative">They scored at least two applications and not all alike: only then do their scores say
/// which applications they thought better, and only then do they count in the standardised figure.</param>
public sealed record JudgeTendency(int JudgeId, int Scored, double Mean, double StandardDeviation, bool Informative);

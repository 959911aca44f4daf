namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge's score, 1 to 5, on one criterion of one application.</summary>
public sealed class CriterionScore
{
    private CriterionScore()
    {
    }

    public long Id { get; set; }

    public int ScorecardId { get; private set; }

    public int CriterionId { get; private set; }

    public int Value { get; private set; }

    internal static CriterionScore Make(int scorecardId, int criterionId, int value) => new() { ScorecardId = scorecardId, CriterionId = criterionId, Value = value };

    internal void Change(int value) => Value = value;
}

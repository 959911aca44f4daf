namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// One judge's scores on one application, a whole number from 1 to 5 per rubric criterion. A judge scores only an
/// application assigned to them, never their own city's nor one they declared a conflict on, and only while scoring
/// is open (from the deadline until staff close it). Scores may be saved criterion by criterion; the card counts in
/// the results once every criterion is scored.
/// </summary>
public sealed class Scorecard
{
    public const string NotOpen = "scorecard.not-open";
    public const string BadScore = "scorecard.score";
    public const string NotYours = "scorecard.not-yours";

    private Scorecard()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public int JudgeId { get; private set; }

    public int ApplicationId { get; private set; }

    public List<CriterionScore> Scores { get; private set; } = [];

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Starts the judge's card for an application they may score.</summary>
    public static RuleResult<Scorecard> Start(AwardCycle cycle, Judge judge, AwardApplication application,
        IEnumerable<ConflictOfInterest> conflicts, IEnumerable<JudgeAssignment> assignments, DateTime nowUtc)
    {
        if (CannotScore(cycle, judge, application, conflicts, assignments, nowUtc) is { } why) return RuleResult.Fail<Scorecard>([why]);
        return RuleResult.Ok(new Scorecard { AwardCycleId = cycle.Id, JudgeId = judge.Id, ApplicationId = application.Id, UpdatedAtUtc = nowUtc });
    }

    /// <summary>Records scores (criterion id → 1–5); a score given again replaces the earlier one. Nothing is kept if one is bad.</summary>
    public RuleResult Record(AwardCycle cycle, Judge judge, AwardApplication application, IReadOnlyDictionary<int, int> values,
        IEnumerable<ConflictOfInterest> conflicts, IEnumerable<JudgeAssignment> assignments, DateTime nowUtc)
    {
        if (judge.Id != JudgeId || application.Id != ApplicationId || cycle.Id != AwardCycleId)
            return RuleResult.Fail(NotYours, "This scorecard is another judge's.");
        if (CannotScore(cycle, judge, application, conflicts, assignments, nowUtc) is { } why) return RuleResult.Fail([why]);
        var errors = new List<RuleError>();
        foreach (var (criterionId, value) in values)
        {
            var criterion = cycle.Criteria.FirstOrDefault(c => c.Id == criterionId);
            if (criterion is null) errors.Add(new RuleError(BadScore, "That criterion is not in this cycle's rubric.", "Scores"));
            else if (value is < AwardCycle.MinScore or > AwardCycle.MaxScore)
                errors.Add(new RuleError(BadScore, $"{criterion.Name}: score it from {AwardCycle.MinScore} to {AwardCycle.MaxScore}.", "Scores"));
        }

        if (errors.Count > 0) return RuleResult.Fail(errors);
        foreach (var (criterionId, value) in values)
        {
            if (Scores.FirstOrDefault(s => s.CriterionId == criterionId) is { } existing) existing.Change(value);
            else Scores.Add(CriterionScore.Make(Id, criterionId, value));
        }

        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>Every criterion of the rubric is scored.</summary>
    public bool IsComplete(AwardCycle cycle) => cycle.Criteria.All(c => Scores.Any(s => s.CriterionId == c.Id));

    /// <summary>Σ weight × score over the rubric (the card's weighted score is this ÷ the rubric's total weight). The card must be complete.</summary>
    public long WeightedTotal(AwardCycle cycle)
    {
        if (!IsComplete(cycle)) throw new InvalidOperationException("An incomplete scorecard has no weighted score.");
        return cycle.Criteria.Sum(c => (long)c.Weight * Scores.First(s => s.CriterionId == c.Id).Value);
    }

    private static RuleError? CannotScore(AwardCycle cycle, Judge judge, AwardApplication application,
        IEnumerable<ConflictOfInterest> conflicts, IEnumerable<JudgeAssignment> assignments, DateTime nowUtc)
    {
        if (!cycle.IsScoringOpen(nowUtc))
            return new RuleError(NotOpen, cycle.IsScoringClosed ? "Scoring is closed." : $"Scoring opens at the deadline, {cycle.DeadlineText}.");
        return JudgingRules.CannotSee(judge, application, conflicts, assignments);
    }
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge's declared conflict of interest on an application: from then on it is withdrawn from them, and any scores they gave it no longer count.</summary>
public sealed class ConflictOfInterest
{
    public const int ReasonMaxLength = 500;

    public const string OwnCity = "conflict.own-city";
    public const string Already = "conflict.already";
    public const string TooLate = "conflict.too-late";
    public const string TooLong = "conflict.too-long";

    private ConflictOfInterest()
    {
    }

    public int Id { get; set; }

    public int JudgeId { get; private set; }

    public int ApplicationId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTime DeclaredAtUtc { get; private set; }

    /// <summary>Declared by the judge on any other application of the cycle, until scoring closes.</summary>
    public static RuleResult<ConflictOfInterest> Declare(AwardCycle cycle, Judge judge, AwardApplication application, string? reason,
        IEnumerable<ConflictOfInterest> judgeConflicts, DateTime nowUtc)
    {
        if (judge.AwardCycleId != application.AwardCycleId || judge.AwardCycleId != cycle.Id)
            throw new ArgumentException("The judge and the application belong to different cycles.", nameof(application));
        if (judge.IsOwnCity(application))
            return RuleResult.Fail<ConflictOfInterest>(OwnCity, "This is your own city's application: it is never shown to you, so there is nothing to declare.");
        if (cycle.IsScoringClosed) return RuleResult.Fail<ConflictOfInterest>(TooLate, "Scoring is closed: conflicts can no longer be declared.");
        if (judgeConflicts.Any(c => c.JudgeId == judge.Id && c.ApplicationId == application.Id))
            return RuleResult.Fail<ConflictOfInterest>(Already, "You have already declared a conflict on this application.");
        if (reason is { Length: > ReasonMaxLength })
            return RuleResult.Fail<ConflictOfInterest>(TooLong, $"The reason can be at most {ReasonMaxLength} characters.", nameof(Reason));
        return RuleResult.Ok(new ConflictOfInterest { JudgeId = judge.Id, ApplicationId = application.Id, Reason = reason?.Trim() ?? "", DeclaredAtUtc = nowUtc });
    }
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>An application given to a judge to score, by staff or by the dealer.</summary>
public sealed class JudgeAssignment
{
    public const string Already = "assignment.already";

    private JudgeAssignment()
    {
    }

    public int Id { get; set; }

    public int JudgeId { get; private set; }

    public int ApplicationId { get; private set; }

    /// <summary>The staff member who assigned it, or "Dealt by the portal".</summary>
    public string AssignedBy { get; private set; } = "";

    public DateTime AssignedAtUtc { get; private set; }

    /// <summary>Staff assign an application to a judge: never their own city's, never one they declared a conflict on.</summary>
    public static RuleResult<JudgeAssignment> Assign(Judge judge, AwardApplication application, IEnumerable<ConflictOfInterest> conflicts,
        IEnumerable<JudgeAssignment> existing, string by, DateTime nowUtc)
    {
        if (JudgingRules.Barred(judge, application, conflicts) is { } barred) return RuleResult.Fail<JudgeAssignment>([barred]);
        if (existing.Any(a => a.JudgeId == judge.Id && a.ApplicationId == application.Id))
            return RuleResult.Fail<JudgeAssignment>(Already, $"{judge.Name} already has this application.");
        return RuleResult.Ok(Make(judge.Id, application.Id, by, nowUtc));
    }

    internal static JudgeAssignment Make(int judgeId, int applicationId, string by, DateTime nowUtc) =>
        new() { JudgeId = judgeId, ApplicationId = applicationId, AssignedBy = by, AssignedAtUtc = nowUtc };
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// What a judge may see and score: only applications assigned to them, never their own city's (not even by URL), and
/// none they declared a conflict on.
/// </summary>
public static class JudgingRules
{
    public const string OwnCity = "judging.own-city";
    public const string Conflict = "judging.conflict";
    public const string NotAssigned = "judging.not-assigned";

    /// <summary>Why the judge may never have this application, or null.</summary>
    public static RuleError? Barred(Judge judge, AwardApplication application, IEnumerable<ConflictOfInterest> conflicts)
    {
        if (judge.IsOwnCity(application))
            return new RuleError(OwnCity, "A judge never sees their own city's application.");
        if (conflicts.Any(c => c.JudgeId == judge.Id && c.ApplicationId == application.Id))
            return new RuleError(Conflict, "This application was withdrawn from you: you declared a conflict of interest on it.");
        return null;
    }

    /// <summary>Why the judge may not open this application now, or null: it must be assigned to them and not barred.</summary>
    public static RuleError? CannotSee(Judge judge, AwardApplication application, IEnumerable<ConflictOfInterest> conflicts, IEnumerable<JudgeAssignment> assignments)
    {
        if (Barred(judge, application, conflicts) is { } barred) return barred;
        return assignments.Any(a => a.JudgeId == judge.Id && a.ApplicationId == application.Id)
            ? null
            : new RuleError(NotAssigned, "This application is not assigned to you.");
    }
}

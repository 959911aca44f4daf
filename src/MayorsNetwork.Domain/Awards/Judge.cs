namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge of an award cycle, named by staff: a staff member, or the mayor of a member city (their city is kept to bar its application).</summary>
public sealed class Judge
{
    public const string AlreadyJudge = "judge.already";
    public const string BadKind = "judge.kind";
    public const string TooLate = "judge.too-late";

    private Judge()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public JudgeKind Kind { get; private set; }

    /// <summary>A mayor's own city; null for staff.</summary>
    public int? MembershipId { get; private set; }

    public string AddedBy { get; private set; } = "";

    public DateTime AddedAtUtc { get; private set; }

    public static RuleResult<Judge> Appoint(AwardCycle cycle, string userId, string name, JudgeKind kind, int? membershipId, IEnumerable<Judge> cycleJudges,
        string by, DateTime nowUtc)
    {
        if (cycle.IsScoringClosed) return RuleResult.Fail<Judge>(TooLate, "Scoring is closed: no more judges can be named.");
        if (kind == JudgeKind.Mayor && membershipId is null)
            return RuleResult.Fail<Judge>(BadKind, "A mayor judge belongs to a member city; name the city.", nameof(MembershipId));
        if (kind == JudgeKind.Staff && membershipId is not null)
            return RuleResult.Fail<Judge>(BadKind, "A staff judge has no city of their own.", nameof(MembershipId));
        if (!Enum.IsDefined(kind)) return RuleResult.Fail<Judge>(BadKind, "A judge is a staff member or a mayor.", nameof(Kind));
        if (cycleJudges.Any(j => j.UserId == userId && j.AwardCycleId == cycle.Id))
            return RuleResult.Fail<Judge>(AlreadyJudge, $"{name} is already a judge of {cycle.Name}.");
        return RuleResult.Ok(new Judge
        {
            AwardCycleId = cycle.Id,
            UserId = userId,
            Name = name,
            Kind = kind,
            MembershipId = membershipId,
            AddedBy = by,
            AddedAtUtc = nowUtc,
        });
    }

    public bool IsOwnCity(AwardApplication application) => MembershipId is { } city && city == application.MembershipId;
}

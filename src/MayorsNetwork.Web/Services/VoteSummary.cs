using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Services;

/// <summary>A vote as its results page describes it. The counts are those computed at close (null while open).</summary>
public sealed record VoteSummary(
    int Id,
    int ResolutionId,
    string ResolutionTitle,
    ResolutionStatus ResolutionStatus,
    VoteStage Stage,
    int MeetingId,
    string MeetingTitle,
    DateOnly MeetingStartsOn,
    PassRule PassRule,
    int QuorumPercent,
    int ElectorCount,
    DateTime OpenedAtUtc,
    string OpenedBy,
    DateTime? ClosedAtUtc,
    string? ClosedBy,
    Tally? Result,
    bool? Passed)
{
    public bool IsOpen => ClosedAtUtc is null;

    /// <summary>"Adopted"/"Failed" for the plenary, "Recommended"/"Not recommended" for a committee.</summary>
    public string? Outcome => VoteOutcome.Recorded(Stage, Passed)?.Display;

    public string? Explanation => Result?.Explain(PassRule, QuorumPercent);

    /// <summary>The pass rule and the quorum in words.</summary>
    public string RuleInWords => $"{PassRule.Display()}, with a quorum of {QuorumPercent}% of the {ElectorCount:N0} elector {(ElectorCount == 1 ? "city" : "cities")} ({Tally.QuorumNeeded(ElectorCount, QuorumPercent):N0} ballots)";

    /// <summary>File names: "roll-call-vote-12-2026-06-20".</summary>
    public string FileStem => $"roll-call-vote-{Id}-{(ClosedAtUtc ?? OpenedAtUtc):yyyy-MM-dd}";
}

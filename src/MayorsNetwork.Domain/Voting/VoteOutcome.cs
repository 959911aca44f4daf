using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// What a closed vote decided. Whether it passed is judged once, at the close (<see cref="Of"/>: the tally meets the
/// pass rule and the quorum), and stored; everything said about the result afterwards reads it from here.
/// </summary>
public readonly record struct VoteOutcome(VoteStage Stage, bool Passed)
{
    /// <summary>Judges the counts by the vote's rule and quorum.</summary>
    public static VoteOutcome Of(VoteStage stage, Tally tally, PassRule rule, int quorumPercent) =>
        new(stage, tally.Passes(rule, quorumPercent));

    /// <summary>The outcome stored for a vote, or null while it has none (an open vote).</summary>
    public static VoteOutcome? Recorded(VoteStage stage, bool? passed) => passed is { } p ? new VoteOutcome(stage, p) : null;

    /// <summary>Where the resolution goes: a committee recommends it or not, the plenary adopts it or it fails.</summary>
    public ResolutionStatus ResolutionBecomes => Stage == VoteStage.Committee
        ? Passed ? ResolutionStatus.Recommended : ResolutionStatus.NotRecommended
        : Passed ? ResolutionStatus.Adopted : ResolutionStatus.Failed;

    /// <summary>"Adopted"/"Failed" for the plenary, "Recommended"/"Not recommended" for a committee.</summary>
    public string Display => ResolutionBecomes.Display();

    /// <summary>"Passed" or "Did not pass", as the live tally says it of a closed vote (one closed with no result stored did not pass).</summary>
    public static string Verdict(VoteOutcome? outcome) => outcome is { Passed: true } ? "Passed" : "Did not pass";
}

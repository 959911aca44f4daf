using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// How a <see cref="WeightedTally"/> is judged: the resolution's pass rule and quorum, and the meeting's choices.
/// <paramref name="Weighted"/> only changes the wording (both figures, cities and weighted votes, are given).
/// </summary>
public sealed record TallyRules(
    PassRule PassRule,
    int QuorumPercent,
    bool AbstentionsInBase = false,
    Meetings.QuorumBasis QuorumBasis = Meetings.QuorumBasis.Weight,
    bool Weighted = false);

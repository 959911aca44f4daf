namespace MayorsNetwork.Domain.Meetings;

/// <summary>What staff set for a meeting's votes (issue 17); see <see cref="MeetingRules"/> for what each means.</summary>
/// <param name="Tiers">The weight table, for <see cref="VoteWeighting.PopulationTiers"/> (none given: the NLC table) and
/// <see cref="VoteWeighting.StaffTable"/>; ignored for one vote per city.</param>
public sealed record MeetingRulesSettings(
    int AlternatesAllowed = MeetingRules.DefaultAlternates,
    bool ProxiesAllowed = false,
    int MaxCitiesPerProxyHolder = MeetingRules.DefaultMaxCitiesPerProxyHolder,
    VoteWeighting Weighting = VoteWeighting.OnePerCity,
    IReadOnlyList<WeightTier>? Tiers = null,
    bool AbstentionsInBase = false,
    QuorumBasis QuorumBasis = QuorumBasis.Weight);

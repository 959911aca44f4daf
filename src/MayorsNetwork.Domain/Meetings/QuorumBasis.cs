namespace MayorsNetwork.Domain.Meetings;

/// <summary>What the quorum counts when votes are weighted. With one vote per city both give the same figures.</summary>
public enum QuorumBasis
{
    /// <summary>The share of the electors' total weight whose ballots were cast (the default: the pass rules count weights too).</summary>
    Weight = 1,

    /// <summary>The share of the elector cities that cast a ballot, whatever they weigh (Robert's Rules' "majority of members").</summary>
    Cities = 2,
}

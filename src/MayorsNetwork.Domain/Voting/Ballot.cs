namespace MayorsNetwork.Domain.Voting;

/// <summary>A city's ballot: final once cast. Records the city, who cast it, in what capacity, and when.</summary>
public sealed class Ballot
{
    public long Id { get; set; }

    public int VoteId { get; set; }

    public int MembershipId { get; set; }

    public BallotChoice Choice { get; set; }

    public required string CastByUserId { get; set; }

    public required string CastByName { get; set; }

    public CastAs CastAs { get; set; }

    public DateTime CastAtUtc { get; set; }
}

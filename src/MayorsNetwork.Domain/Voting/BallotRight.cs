namespace MayorsNetwork.Domain.Voting;

/// <summary>A city whose ballot someone may cast, and in what capacity the ballot will record.</summary>
public sealed record BallotRight(int MembershipId, string City, int Weight, CastAs Capacity);

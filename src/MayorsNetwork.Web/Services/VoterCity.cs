using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Services;

/// <summary>A city a signed-in person may cast for in a vote, and in what capacity.</summary>
public sealed record VoterCity(int MembershipId, string City, CastAs CastAs);

namespace MayorsNetwork.Domain.Meetings;

/// <summary>The person a mayor names as proxy, as the page found them (an account).</summary>
/// <param name="MembershipId">The member city the person's account belongs to.</param>
/// <param name="IsMayor">The person is that city's mayor.</param>
/// <param name="CityIsCredentialed">That city holds a credential for the meeting.</param>
public sealed record ProxyCandidate(string UserId, string Name, int MembershipId, string City, bool IsMayor, bool CityIsCredentialed);

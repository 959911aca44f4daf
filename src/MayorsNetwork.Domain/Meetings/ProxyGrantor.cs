namespace MayorsNetwork.Domain.Meetings;

/// <summary>The city giving its proxy, as the page knows it: its mayor is the one designating.</summary>
/// <param name="IsCredentialed">The city holds a credential for the meeting.</param>
public sealed record ProxyGrantor(int MembershipId, string City, bool IsCredentialed, string MayorUserId, string MayorName);

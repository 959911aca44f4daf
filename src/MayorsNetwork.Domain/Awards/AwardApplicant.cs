using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Awards;

/// <summary>The member city applying and the person applying for it (its mayor or liaison), as the page established them.</summary>
/// <param name="City">"Boulder, CO".</param>
/// <param name="Population">The city's population on record: it decides the category.</param>
public sealed record AwardApplicant(int MembershipId, string City, int Population, MembershipStatus Status, string UserId, string Name);

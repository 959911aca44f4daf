namespace MayorsNetwork.Domain.BestPractices;

/// <summary>
/// Who is acting on a best practice, as the page established it: association staff, or the mayor or liaison of a
/// member city (<paramref name="MembershipId"/> is their city). Anyone else gets no actor.
/// </summary>
public sealed record BestPracticeActor(string? UserId, string Name, bool IsStaff, int? MembershipId)
{
    public static BestPracticeActor Staff(string? userId, string name) => new(userId, name, true, null);

    public static BestPracticeActor CityOfficial(string? userId, string name, int membershipId) => new(userId, name, false, membershipId);
}

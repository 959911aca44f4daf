namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// The signed-in person who would cast a ballot, as the casting rule sees them: the city their account acts for
/// (null when none) and their email as Identity normalises it, only once confirmed (an alternate is recognised by a
/// confirmed address only).
/// </summary>
public sealed record Voter(string UserId, string Name, int? GovernmentId, string? ConfirmedEmailKey);

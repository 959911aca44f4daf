namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// An elector city of a vote, as the casting rule needs it: the accounts that cast as its delegate (its mayor's), the
/// alternates named on its credential in order (their email addresses normalised as Identity does), and its weight.
/// </summary>
public sealed record ElectorCity(int MembershipId, string City, int Weight, IReadOnlyCollection<string> DelegateUserIds, IReadOnlyList<string> AlternateEmailKeys);

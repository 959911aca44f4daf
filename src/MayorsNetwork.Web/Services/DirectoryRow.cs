namespace MayorsNetwork.Web.Services;

/// <summary>One member as the public directory lists it.</summary>
public sealed record DirectoryRow(string Name, string State, GovernmentKind Kind, int Population, string MayorTitle, string Mayor, MembershipStatus Status, DateTime? MemberSinceUtc);

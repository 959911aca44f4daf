namespace MayorsNetwork.Domain.Meetings;

/// <summary>What a registrant fills in. An empty badge name means the name, when it fits on a badge.</summary>
public sealed record RegistrantDetails(string? Name, string? Title, RegistrantRole Role, string? BadgeName, string? AccessibilityNeeds);

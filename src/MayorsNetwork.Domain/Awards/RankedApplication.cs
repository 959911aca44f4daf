namespace MayorsNetwork.Domain.Awards;

/// <summary>An application's place in its category: equal figures share a rank (1, 2, 2, 4), shown as tied; null when unscored.</summary>
public sealed record RankedApplication(ApplicationResult Result, int? Rank, bool Tied);

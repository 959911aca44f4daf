namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge and an application: an assignment, or a declared conflict.</summary>
public sealed record DealPair(int JudgeId, int ApplicationId);

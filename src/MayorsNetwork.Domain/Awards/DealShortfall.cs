namespace MayorsNetwork.Domain.Awards;

/// <summary>An application that cannot get enough judges: how many may score it, how many it needs, and what to do.</summary>
public sealed record DealShortfall(int ApplicationId, int EligibleJudges, int Needed, string Message);

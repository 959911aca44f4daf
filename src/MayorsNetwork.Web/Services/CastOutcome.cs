using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Services;

/// <summary>A cast's result, the message the ballot page shows, and the ballot recorded (or the city's first one, when it had voted).</summary>
public sealed record CastOutcome(CastResult Result, string Message, Ballot? Ballot = null)
{
    public bool Recorded => Result == CastResult.Recorded;
}

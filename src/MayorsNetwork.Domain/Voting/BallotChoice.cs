namespace MayorsNetwork.Domain.Voting;

/// <summary>Choices on a ballot.</summary>
public enum BallotChoice
{
    Yes = 1,
    No = 2,
    Abstain = 3,
}

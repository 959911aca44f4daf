namespace MayorsNetwork.Domain.Voting;

/// <summary>A resolution is voted on first by the committee it was referred to, then by the plenary.</summary>
public enum VoteStage
{
    Committee = 1,
    Plenary = 2,
}

/// <summary>Choices on a ballot.</summary>
public enum BallotChoice
{
    Yes = 1,
    No = 2,
    Abstain = 3,
}

/// <summary>Who cast a city's ballot: its mayor (the delegate), an alternate named on the credential, or the holder of its proxy.</summary>
public enum CastAs
{
    Delegate = 1,
    Alternate = 2,
    Proxy = 3,
}

public static class VotingText
{
    public static string Display(this VoteStage stage) => stage switch
    {
        VoteStage.Committee => "Committee vote",
        VoteStage.Plenary => "Plenary vote",
        _ => stage.ToString(),
    };
}

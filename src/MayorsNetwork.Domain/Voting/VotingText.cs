namespace MayorsNetwork.Domain.Voting;

public static class VotingText
{
    public static string Display(this VoteStage stage) => stage switch
    {
        VoteStage.Committee => "Committee vote",
        VoteStage.Plenary => "Plenary vote",
        _ => stage.ToString(),
    };
}

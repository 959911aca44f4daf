namespace MayorsNetwork.Domain.Voting;

/// <summary>A resolution is voted on first by the committee it was referred to, then by the plenary.</summary>
public enum VoteStage
{
    Committee = 1,
    Plenary = 2,
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>A judge as the dealer sees it: its id and, for a mayor, their city.</summary>
public sealed record DealJudge(int Id, int? MembershipId)
{
    public static DealJudge From(Judge judge) => new(judge.Id, judge.MembershipId);
}

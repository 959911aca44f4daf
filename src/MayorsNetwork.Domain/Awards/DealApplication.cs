namespace MayorsNetwork.Domain.Awards;

/// <summary>An application as the dealer sees it: its id, its city (to keep it from that city's judges) and a label for messages.</summary>
public sealed record DealApplication(int Id, int MembershipId, string Label)
{
    public static DealApplication From(AwardApplication application) => new(application.Id, application.MembershipId, application.City);
}

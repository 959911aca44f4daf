namespace MayorsNetwork.Domain.Members;

public static class MembershipStatusRules
{
    private static readonly Dictionary<MembershipStatus, MembershipStatus[]> Allowed = new()
    {
        [MembershipStatus.Applied] = [MembershipStatus.Approved, MembershipStatus.Rejected, MembershipStatus.Withdrawn],
        [MembershipStatus.Approved] = [MembershipStatus.Invoiced, MembershipStatus.Withdrawn],
        [MembershipStatus.Rejected] = [MembershipStatus.Applied],
        [MembershipStatus.Invoiced] = [MembershipStatus.Active, MembershipStatus.Grace, MembershipStatus.Withdrawn],
        [MembershipStatus.Active] = [MembershipStatus.Invoiced, MembershipStatus.Grace, MembershipStatus.Withdrawn],
        [MembershipStatus.Grace] = [MembershipStatus.Active, MembershipStatus.Lapsed, MembershipStatus.Withdrawn],
        [MembershipStatus.Lapsed] = [MembershipStatus.Active, MembershipStatus.Applied, MembershipStatus.Withdrawn],
        [MembershipStatus.Withdrawn] = [MembershipStatus.Applied],
    };

    public static bool CanMove(MembershipStatus from, MembershipStatus to) => Allowed[from].Contains(to);

    /// <summary>Statuses in which the government already is, or is becoming, a member: a new application is refused.</summary>
    public static bool IsOpenOrMember(MembershipStatus status) =>
        status is not (MembershipStatus.Rejected or MembershipStatus.Withdrawn or MembershipStatus.Lapsed);

    /// <summary>A status in which the city counts as a member (listed, holds seats).</summary>
    public static bool IsMember(MembershipStatus status) =>
        status is MembershipStatus.Approved or MembershipStatus.Invoiced or MembershipStatus.Active or MembershipStatus.Grace;
}

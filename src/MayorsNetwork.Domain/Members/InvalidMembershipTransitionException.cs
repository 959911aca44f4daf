namespace MayorsNetwork.Domain.Members;

public sealed class InvalidMembershipTransitionException(MembershipStatus from, MembershipStatus to)
    : InvalidOperationException($"A membership that is {from} cannot become {to}.")
{
    public MembershipStatus From { get; } = from;

    public MembershipStatus To { get; } = to;
}

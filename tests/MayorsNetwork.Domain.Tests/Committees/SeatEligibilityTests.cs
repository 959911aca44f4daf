using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Committees;

/// <summary>Only a member city that is not Lapsed holds a seat; ex officio seats are open to the association's officers whatever their city's standing.</summary>
public class SeatEligibilityTests
{
    [Theory]
    [InlineData(MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Grace)]
    public void A_member_city_may_hold_any_role(MembershipStatus status)
    {
        foreach (var role in SeatRoles.All)
            Assert.Null(SeatRules.WhyCannotHold(status, role, "Boulder"));
    }

    [Fact]
    public void A_lapsed_city_may_not_hold_a_chair_or_member_seat_and_the_reason_says_it_lapsed()
    {
        foreach (var role in new[] { SeatRole.Chair, SeatRole.ViceChair, SeatRole.Member })
        {
            var why = SeatRules.WhyCannotHold(MembershipStatus.Lapsed, role, "Boulder");
            Assert.NotNull(why);
            Assert.Contains("Boulder's membership has lapsed", why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Rejected)]
    [InlineData(MembershipStatus.Withdrawn)]
    public void A_city_that_is_not_a_member_may_not_hold_a_member_seat(MembershipStatus status)
    {
        var why = SeatRules.WhyCannotHold(status, SeatRole.Member, "Boulder");

        Assert.NotNull(why);
        Assert.Contains("Boulder is not a member", why, StringComparison.Ordinal);
        Assert.False(SeatRules.MayHold(status, SeatRole.Member));
    }

    [Theory]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Active)]
    public void An_ex_officio_seat_is_allowed_whatever_the_city_standing(MembershipStatus status) =>
        Assert.True(SeatRules.MayHold(status, SeatRole.ExOfficio));
}

using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// What an unpaid invoice does to the membership as days pass (due date April 9, 30 days of grace:
/// grace ends May 9), and what paying in full does.
/// </summary>
public class DuesStandingTests
{
    private const int GraceDays = 30;
    private static readonly DateOnly Due = new(2026, 4, 9);
    private static readonly DateOnly GraceEnd = new(2026, 5, 9);

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Active)]
    public void On_the_due_date_nothing_changes(MembershipStatus current)
    {
        Assert.Null(DuesStanding.NextStatus(current, Due, Due, GraceDays));
        Assert.Null(DuesStanding.NextStatus(current, Due, Due.AddDays(-20), GraceDays));
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Active)]
    public void The_day_after_the_due_date_the_member_enters_Grace(MembershipStatus current)
    {
        Assert.Equal(MembershipStatus.Grace, DuesStanding.NextStatus(current, Due, Due.AddDays(1), GraceDays));
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced, MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Active, MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Grace, null)]
    public void On_the_last_day_of_grace_the_member_is_still_in_Grace(MembershipStatus current, MembershipStatus? expected)
    {
        Assert.Equal(GraceEnd, Due.AddDays(GraceDays));
        Assert.Equal(expected, DuesStanding.NextStatus(current, Due, GraceEnd, GraceDays));
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Grace)]
    public void The_day_after_grace_ends_the_member_lapses(MembershipStatus current)
    {
        Assert.Equal(MembershipStatus.Lapsed, DuesStanding.NextStatus(current, Due, GraceEnd.AddDays(1), GraceDays));
    }

    [Theory]
    [InlineData(MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Rejected)]
    public void A_member_already_in_grace_lapsed_or_gone_is_left_alone_during_grace(MembershipStatus current)
    {
        Assert.Null(DuesStanding.NextStatus(current, Due, Due.AddDays(1), GraceDays));
    }

    [Theory]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Withdrawn)]
    public void A_lapsed_or_withdrawn_member_is_left_alone_after_grace(MembershipStatus current)
    {
        Assert.Null(DuesStanding.NextStatus(current, Due, GraceEnd.AddDays(1), GraceDays));
    }

    [Fact]
    public void With_no_grace_days_the_member_lapses_the_day_after_the_due_date()
    {
        Assert.Null(DuesStanding.NextStatus(MembershipStatus.Invoiced, Due, Due, 0));
        Assert.Equal(MembershipStatus.Lapsed, DuesStanding.NextStatus(MembershipStatus.Invoiced, Due, Due.AddDays(1), 0));
    }

    [Theory]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Lapsed)]
    public void Paying_in_full_makes_an_invoiced_late_or_lapsed_member_Active(MembershipStatus current)
    {
        Assert.Equal(MembershipStatus.Active, DuesStanding.StatusOnPayment(current));
        Assert.True(MembershipStatusRules.CanMove(current, MembershipStatus.Active));
    }

    [Theory]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Rejected)]
    [InlineData(MembershipStatus.Withdrawn)]
    public void Paying_in_full_leaves_an_active_or_non_member_as_it_is(MembershipStatus current)
    {
        Assert.Null(DuesStanding.StatusOnPayment(current));
    }
}

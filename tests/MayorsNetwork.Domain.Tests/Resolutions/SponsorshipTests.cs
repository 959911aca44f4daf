using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Tests.Resolutions;

/// <summary>Members in good standing (Active, or in their grace period) sponsor and cosponsor; no one else does.</summary>
public class SponsorshipTests
{
    [Theory]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Grace)]
    public void Active_and_grace_period_cities_may_sponsor_and_cosponsor(MembershipStatus status)
    {
        Assert.True(Sponsorship.CanSponsor(status));
        Assert.Null(Sponsorship.SponsorRefusal(status));
        Assert.Null(Sponsorship.CosponsorRefusal("Phoenix, AZ", status));
    }

    [Theory]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Rejected)]
    [InlineData(MembershipStatus.Withdrawn)]
    public void Other_cities_are_refused_with_their_status_in_the_reason(MembershipStatus status)
    {
        Assert.False(Sponsorship.CanSponsor(status));
        Assert.Contains(status == MembershipStatus.Lapsed ? "lapsed" : status.ToString(), Sponsorship.SponsorRefusal(status), StringComparison.Ordinal);
        Assert.StartsWith("Phoenix, AZ cannot cosponsor: its membership is " + status, Sponsorship.CosponsorRefusal("Phoenix, AZ", status), StringComparison.Ordinal);
    }
}

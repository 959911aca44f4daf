using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>Who may cast an elector city's ballot: its mayor's accounts as delegate, the credential's alternate (by confirmed email) as alternate.</summary>
public class ElectorTests
{
    private static readonly Elector Boulder = new()
    {
        MembershipId = 2, GovernmentId = 40, City = "Boulder, CO", DelegateName = "Aaron Brockett", AlternateName = "Alex Alternate", AlternateEmailKey = "ALT@BOULDER.GOV",
    };

    [Fact]
    public void An_account_acting_for_the_citys_government_casts_as_delegate()
    {
        Assert.Equal(CastAs.Delegate, Boulder.CapacityOf(new Voter("u-1", "Aaron Brockett", 40, null)));
        // The mayor's account is the delegate even when its email is also the alternate's.
        Assert.Equal(CastAs.Delegate, Boulder.CapacityOf(new Voter("u-1", "Aaron Brockett", 40, "ALT@BOULDER.GOV")));
    }

    [Fact]
    public void The_alternate_is_recognised_by_a_confirmed_email_only()
    {
        Assert.Equal(CastAs.Alternate, Boulder.CapacityOf(new Voter("u-2", "Alex Alternate", 77, "ALT@BOULDER.GOV")));
        Assert.Null(Boulder.CapacityOf(new Voter("u-2", "Alex Alternate", null, null)));
    }

    [Fact]
    public void Anyone_else_may_not_cast_the_citys_ballot()
    {
        Assert.Null(Boulder.CapacityOf(new Voter("u-3", "Someone", 41, "SOMEONE@EXAMPLE.ORG")));
        var noAlternate = new Elector { MembershipId = 3, GovernmentId = 50, City = "Ames, IA", DelegateName = "John Haila" };
        Assert.Null(noAlternate.CapacityOf(new Voter("u-3", "Someone", null, "SOMEONE@EXAMPLE.ORG")));
    }
}

using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>A re-application keeps the typed details beside the current ones; approving it copies every one of them over.</summary>
public class MembershipProposalTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    private static MembershipProposal Proposed(Government typed) =>
        MembershipProposal.For(new Membership { Id = 7, GovernmentId = 12, Government = GovernmentExamples.OnRecord() }, typed, "user-1", "New Mayor", Now);

    [Fact]
    public void The_proposal_keeps_every_typed_detail_in_copies_of_its_own()
    {
        var typed = GovernmentExamples.Typed();

        var proposal = Proposed(typed);
        typed.Mayor.Name = "Changed afterwards";

        Assert.Equal((7, "user-1", "New Mayor", Now, ProposalStatus.Pending), (proposal.MembershipId, proposal.ApplicantUserId, proposal.ApplicantName, proposal.SubmittedAtUtc, proposal.Status));
        Assert.Equal(("Canon City", GovernmentKind.City, 17_141, 2020, "Mayor Pro Tem"), (proposal.Name, proposal.Kind, proposal.Population, proposal.CensusYear, proposal.MayorTitle));
        Assert.Equal("New Mayor", proposal.Mayor.Name);
        Assert.Equal(new DateOnly(2028, 12, 31), proposal.MayorTermEnds);
        Assert.Equal("newliaison@canoncity.example", proposal.Liaison.Email);
        Assert.Equal("Finance", proposal.Billing.Name);
        Assert.Equal("128 Main Street\nCanon City, CO 81212", proposal.BillingAddress);
    }

    [Fact]
    public void Approving_copies_every_proposed_detail_over_the_current_ones_the_billing_address_too()
    {
        var government = GovernmentExamples.OnRecord();
        var proposal = Proposed(GovernmentExamples.Typed());

        proposal.Approve(government, "Staff Member", Now.AddDays(1));

        Assert.Equal(("Canon City", "CANON CITY", GovernmentKind.City, 17_141, 2020), (government.Name, government.NameKey, government.Kind, government.Population, government.CensusYear));
        Assert.Equal(("Mayor Pro Tem", "New Mayor", "New Liaison", "Finance"), (government.MayorTitle, government.Mayor.Name, government.Liaison.Name, government.Billing.Name));
        Assert.Equal(new DateOnly(2028, 12, 31), government.MayorTermEnds);
        Assert.Equal("128 Main Street\nCanon City, CO 81212", government.BillingAddress);
        Assert.Equal((12, "CO"), (government.Id, government.State));
        Assert.NotSame(proposal.Billing, government.Billing);
        Assert.Equal((ProposalStatus.Approved, "Staff Member", "Approved", Now.AddDays(1)), (proposal.Status, proposal.DecidedByName, proposal.DecisionReason, proposal.DecidedAtUtc));
    }

    [Fact]
    public void Rejecting_changes_nothing_current_and_a_decided_proposal_cannot_be_decided_again()
    {
        var government = GovernmentExamples.OnRecord();
        var proposal = Proposed(GovernmentExamples.Typed());

        proposal.Reject("Staff Member", "Not a government.", Now);

        Assert.Equal(("Cañon City", "PO Box 1\nCañon City, CO 81212"), (government.Name, government.BillingAddress));
        Assert.Equal((ProposalStatus.Rejected, "Not a government."), (proposal.Status, proposal.DecisionReason));
        Assert.Throws<InvalidOperationException>(() => proposal.Approve(government, "Staff Member", Now));
    }
}

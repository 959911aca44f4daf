using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>
/// The rules to pass, at their boundaries. Simple majority: more Yes than No. Two-thirds: Yes at least
/// two-thirds of Yes+No. Abstentions count toward quorum only. Quorum: a share of the electors, rounded up.
/// </summary>
public class PassRuleTests
{
    [Theory]
    [InlineData(10, 9, 0, true)]
    [InlineData(10, 10, 0, false)] // a tie fails
    [InlineData(1, 0, 50, true)] // abstentions do not count against
    [InlineData(0, 0, 50, false)] // everyone abstains: no majority
    [InlineData(0, 1, 0, false)]
    public void Simple_majority_needs_more_yes_than_no(int yes, int no, int abstain, bool passes) =>
        Assert.Equal(passes, new Tally(100, yes, no, abstain).MeetsRule(PassRule.SimpleMajority));

    [Theory]
    [InlineData(2, 1, true)] // exactly two-thirds passes
    [InlineData(20, 10, true)]
    [InlineData(19, 10, false)] // just under two-thirds (65.5 %)
    [InlineData(667, 333, true)]
    [InlineData(666, 334, false)] // 66.6 %
    [InlineData(1, 0, true)]
    [InlineData(0, 0, false)] // nobody voted Yes or No
    [InlineData(1, 1, false)]
    public void Two_thirds_needs_at_least_two_thirds_of_those_voting_yes_or_no(int yes, int no, bool passes) =>
        Assert.Equal(passes, new Tally(1000, yes, no, 7).MeetsRule(PassRule.TwoThirds));

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(7, 50, 4)] // rounded up: 3.5 → 4
    [InlineData(3, 67, 3)] // 2.01 → 3
    [InlineData(1400, 50, 700)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 100, 10)]
    [InlineData(0, 50, 0)]
    public void The_quorum_is_a_share_of_the_electors_rounded_up(int electors, int percent, int needed) =>
        Assert.Equal(needed, Tally.QuorumNeeded(electors, percent));

    [Fact]
    public void Quorum_exactly_met_counts_abstentions_and_passes()
    {
        // 10 electors, 50 % quorum: 5 ballots needed; 3 Yes, 1 No, 1 Abstain is exactly 5.
        var tally = new Tally(10, 3, 1, 1);
        Assert.True(tally.QuorumMet(50));
        Assert.True(tally.Passes(PassRule.SimpleMajority, 50));
        Assert.Equal(50, tally.TurnoutPercent);
    }

    [Fact]
    public void One_ballot_short_of_quorum_fails_whatever_the_counts()
    {
        var tally = new Tally(10, 4, 0, 0);
        Assert.False(tally.QuorumMet(50));
        Assert.False(tally.Passes(PassRule.SimpleMajority, 50));
        Assert.False(tally.Passes(PassRule.TwoThirds, 50));
        Assert.Equal("Quorum not reached: 4 of 10 electors voted; 5 were needed.", tally.Explain(PassRule.SimpleMajority, 50));
    }

    [Fact]
    public void A_vote_nobody_cast_fails_under_every_rule_and_quorum()
    {
        var none = new Tally(25, 0, 0, 0);
        foreach (var quorum in new[] { 0, 1, 50, 100 })
        {
            Assert.False(none.Passes(PassRule.SimpleMajority, quorum));
            Assert.False(none.Passes(PassRule.TwoThirds, quorum));
        }

        Assert.Equal(0, none.TurnoutPercent);
        Assert.Equal(0, new Tally(0, 0, 0, 0).TurnoutPercent);
    }

    [Fact]
    public void A_quorum_of_every_elector_needs_every_ballot()
    {
        Assert.False(new Tally(5, 4, 0, 0).QuorumMet(100));
        Assert.True(new Tally(5, 4, 0, 1).QuorumMet(100));
    }

    [Fact]
    public void The_explanation_states_the_counts_in_words()
    {
        Assert.Equal("Passed: 3 Yes to 2 No.", new Tally(5, 3, 2, 0).Explain(PassRule.SimpleMajority, 0));
        Assert.Equal("Not passed: 2 Yes to 2 No; more Yes than No was needed.", new Tally(5, 2, 2, 1).Explain(PassRule.SimpleMajority, 0));
        Assert.Equal("Passed: 2 Yes of 3 voting Yes or No, at least two-thirds.", new Tally(5, 2, 1, 0).Explain(PassRule.TwoThirds, 0));
        Assert.Equal("Not passed: 3 Yes of 5 voting Yes or No; two-thirds was needed.", new Tally(5, 3, 2, 0).Explain(PassRule.TwoThirds, 0));
    }
}

using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Tests.Resolutions;

/// <summary>The rule to pass and the quorum: set by staff, recorded in the history, fixed once the plenary vote opens.</summary>
public class ResolutionRuleTests
{
    private static readonly DateTime Now = new(2027, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Resolution Submitted() =>
        Resolution.Submit(1, "Supporting Transit", "The Conference supports transit.", 7, "user-1", "Mayor Kate Gallego", "Phoenix, AZ", Now);

    [Fact]
    public void Setting_the_rule_records_who_set_it_and_when_without_changing_the_status()
    {
        var r = Submitted();
        var version = r.Version;

        var result = r.SetRule(PassRule.TwoThirds, 60, "staff-1", "Sam Staff", Now.AddDays(1));

        Assert.True(result.Succeeded);
        Assert.Equal((PassRule.TwoThirds, 60), (r.PassRule, r.QuorumPercent));
        Assert.NotEqual(version, r.Version);
        var change = r.Changes[^1];
        Assert.Equal((ResolutionStatus.Submitted, ResolutionStatus.Submitted), (change.From, change.To));
        Assert.Equal(("staff-1", "Sam Staff", Now.AddDays(1)), (change.ByUserId, change.ByName, change.AtUtc));
        Assert.Equal("Rule to pass set to Two-thirds of those voting Yes or No; quorum 60%.", change.Note);
    }

    [Fact]
    public void Setting_the_rule_as_it_is_changes_nothing()
    {
        var r = Submitted();
        var version = r.Version;

        Assert.True(r.SetRule(PassRule.SimpleMajority, Resolution.DefaultQuorumPercent, null, "Staff", Now).Succeeded);

        Assert.Equal(version, r.Version);
        Assert.Single(r.Changes);
    }

    [Fact]
    public void The_rule_is_fixed_once_the_plenary_vote_has_opened()
    {
        var r = Submitted();
        r.Refer(3, "Energy Committee", null, "Staff", Now);
        r.MoveTo(ResolutionStatus.InCommitteeVote, null, "Staff", "", Now);
        r.MoveTo(ResolutionStatus.Recommended, null, "Staff", "", Now);
        Assert.True(r.SetRule(PassRule.TwoThirds, 50, null, "Staff", Now).Succeeded);
        r.MoveTo(ResolutionStatus.InPlenaryVote, null, "Staff", "", Now);

        var refused = r.SetRule(PassRule.SimpleMajority, 50, null, "Staff", Now);

        Assert.Equal(Resolution.RuleFixed, refused.Error!.Code);
        Assert.Equal(nameof(Resolution.PassRule), refused.Error.Property);
        Assert.Equal("The rule to pass is fixed once the plenary vote has opened; this resolution is In plenary vote.", refused.Error.Message);
        Assert.Equal(PassRule.TwoThirds, r.PassRule);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_quorum_outside_0_to_100_percent_is_refused_and_nothing_changes(int quorum)
    {
        var r = Submitted();

        var refused = r.SetRule(PassRule.TwoThirds, quorum, null, "Staff", Now);

        Assert.Equal(Resolution.QuorumOutOfRange, refused.Error!.Code);
        Assert.Equal(nameof(Resolution.QuorumPercent), refused.Error.Property);
        Assert.Equal((PassRule.SimpleMajority, Resolution.DefaultQuorumPercent), (r.PassRule, r.QuorumPercent));
        Assert.Single(r.Changes);
    }

    [Fact]
    public void An_unknown_rule_is_refused()
    {
        Assert.Equal(Resolution.UnknownRule, Submitted().SetRule((PassRule)99, 50, null, "Staff", Now).Error!.Code);
    }
}

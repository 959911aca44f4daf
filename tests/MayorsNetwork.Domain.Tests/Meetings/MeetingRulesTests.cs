using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>A meeting's voting rules: defaults as before, staff settings checked, fixed once the first vote opens.</summary>
public class MeetingRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_defaults_are_one_alternate_no_proxies_one_vote_per_city_and_abstentions_out()
    {
        var rules = MeetingRules.Default(4);

        Assert.Equal(4, rules.MeetingId);
        Assert.Equal(1, rules.AlternatesAllowed);
        Assert.False(rules.ProxiesAllowed);
        Assert.Equal(1, rules.MaxCitiesPerProxyHolder);
        Assert.Equal(VoteWeighting.OnePerCity, rules.Weighting);
        Assert.False(rules.AbstentionsInBase);
        Assert.Equal(QuorumBasis.Weight, rules.QuorumBasis);
        Assert.False(rules.IsLocked);
        Assert.Equal(1, rules.WeightFor(8_804_190));
        Assert.Equal(new MayorsNetwork.Domain.Voting.TallyRules(PassRule.TwoThirds, 50), rules.TallyRulesFor(PassRule.TwoThirds, 50));
    }

    [Fact]
    public void Population_tiers_without_a_table_start_from_the_NLC_table()
    {
        var rules = MeetingRules.Default(4);

        var result = rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.PopulationTiers), "Staff", Now);

        Assert.True(result.Succeeded);
        Assert.Equal(11, rules.Tiers.Count);
        Assert.Equal(20, rules.WeightFor(900_000));
        Assert.True(rules.IsWeighted);
        Assert.True(rules.TallyRulesFor(PassRule.SimpleMajority, 50).Weighted);
        Assert.Equal("Staff", rules.UpdatedBy);
        Assert.Equal(Now, rules.UpdatedAtUtc);
    }

    [Fact]
    public void A_staff_table_is_used_as_entered()
    {
        var rules = MeetingRules.Default(4);

        rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.StaffTable,
            Tiers: [new WeightTier(0, 100_000, 1), new WeightTier(100_000, 500_000, 3), new WeightTier(500_000, null, 5)]), "Staff", Now);

        Assert.Equal(3, rules.WeightFor(100_000));
        Assert.Equal(5, rules.WeightFor(500_000));
    }

    [Fact]
    public void A_staff_table_that_is_empty_or_broken_is_refused_and_changes_nothing()
    {
        var rules = MeetingRules.Default(4);

        var empty = rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.StaffTable), "Staff", Now);
        var gap = rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.StaffTable,
            Tiers: [new WeightTier(0, 10, 1), new WeightTier(20, null, 2)]), "Staff", Now);

        Assert.Equal(WeightTable.Empty, empty.Error!.Code);
        Assert.Equal(WeightTable.Gap, gap.Error!.Code);
        Assert.Equal(VoteWeighting.OnePerCity, rules.Weighting);
        Assert.Null(rules.UpdatedBy);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Alternates_are_0_1_or_2(int alternates)
    {
        var errors = MeetingRules.Check(new MeetingRulesSettings(AlternatesAllowed: alternates));

        Assert.Equal(new RuleError(MeetingRules.BadAlternates, "A city may name 0, 1 or 2 alternates.", "AlternatesAllowed"), Assert.Single(errors));
        Assert.Empty(MeetingRules.Check(new MeetingRulesSettings(AlternatesAllowed: 2)));
        Assert.Empty(MeetingRules.Check(new MeetingRulesSettings(AlternatesAllowed: 0)));
    }

    [Fact]
    public void A_proxy_holder_carries_at_least_one_city()
    {
        var errors = MeetingRules.Check(new MeetingRulesSettings(ProxiesAllowed: true, MaxCitiesPerProxyHolder: 0));

        Assert.Equal(MeetingRules.BadProxyMaximum, Assert.Single(errors).Code);
    }

    [Fact]
    public void Once_the_first_vote_opens_the_rules_are_fixed()
    {
        var rules = MeetingRules.Default(4);
        rules.Update(new MeetingRulesSettings(ProxiesAllowed: true, MaxCitiesPerProxyHolder: 3), "Staff", Now);

        Assert.True(rules.Lock(Now.AddHours(2)));
        Assert.False(rules.Lock(Now.AddHours(3))); // the first opening is kept
        Assert.Equal(Now.AddHours(2), rules.LockedAtUtc);

        var late = rules.Update(new MeetingRulesSettings(), "Staff", Now.AddHours(4));

        Assert.Equal(MeetingRules.Locked, late.Error!.Code);
        Assert.True(rules.ProxiesAllowed);
        Assert.Equal(3, rules.MaxCitiesPerProxyHolder);
    }
}

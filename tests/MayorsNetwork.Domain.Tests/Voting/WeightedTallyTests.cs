using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>
/// The weighted tally: counts in cities and in weight, simple majority and two-thirds over weights, abstentions in or
/// out of the base, quorum counted in weight or in cities. With one vote per city and abstentions out it is today's
/// <see cref="Tally"/>: every case of <see cref="PassRuleTests"/> is run through both.
/// </summary>
public class WeightedTallyTests
{
    private static readonly QuorumBasis[] Bases = [QuorumBasis.Weight, QuorumBasis.Cities];

    // ---- One vote per city, abstentions out: exactly today's Tally ----

    [Theory]
    [InlineData(10, 9, 0, true)]
    [InlineData(10, 10, 0, false)]
    [InlineData(1, 0, 50, true)]
    [InlineData(0, 0, 50, false)]
    [InlineData(0, 1, 0, false)]
    public void Todays_simple_majority_cases_give_todays_results(int yes, int no, int abstain, bool passes)
    {
        foreach (var basis in Bases)
        {
            var rules = new TallyRules(PassRule.SimpleMajority, 0, QuorumBasis: basis);
            Assert.Equal(passes, WeightedTally.FromTally(new Tally(100, yes, no, abstain)).MeetsRule(rules));
            Assert.Equal(passes, OnePerCity(100, yes, no, abstain).MeetsRule(rules));
        }
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(20, 10, true)]
    [InlineData(19, 10, false)]
    [InlineData(667, 333, true)]
    [InlineData(666, 334, false)]
    [InlineData(1, 0, true)]
    [InlineData(0, 0, false)]
    [InlineData(1, 1, false)]
    public void Todays_two_thirds_cases_give_todays_results(int yes, int no, bool passes)
    {
        foreach (var basis in Bases)
            Assert.Equal(passes, WeightedTally.FromTally(new Tally(1000, yes, no, 7)).MeetsRule(new TallyRules(PassRule.TwoThirds, 0, QuorumBasis: basis)));
    }

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(7, 50, 4)]
    [InlineData(3, 67, 3)]
    [InlineData(1400, 50, 700)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 100, 10)]
    [InlineData(0, 50, 0)]
    public void Todays_quorum_cases_give_todays_figures(int electors, int percent, int needed)
    {
        foreach (var basis in Bases)
            Assert.Equal(needed, OnePerCity(electors, 0, 0, 0).QuorumNeeded(new TallyRules(PassRule.SimpleMajority, percent, QuorumBasis: basis)));
    }

    [Fact]
    public void Todays_quorum_and_explanation_cases_give_todays_words()
    {
        var rules = new TallyRules(PassRule.SimpleMajority, 50);
        Assert.True(OnePerCity(10, 3, 1, 1).Passes(rules));
        Assert.Equal(50, OnePerCity(10, 3, 1, 1).TurnoutPercentCities);
        Assert.False(OnePerCity(10, 4, 0, 0).Passes(rules));
        Assert.False(OnePerCity(10, 4, 0, 0).Passes(rules with { PassRule = PassRule.TwoThirds }));
        Assert.Equal("Quorum not reached: 4 of 10 electors voted; 5 were needed.", OnePerCity(10, 4, 0, 0).Explain(rules));
        Assert.False(OnePerCity(5, 4, 0, 0).QuorumMet(rules with { QuorumPercent = 100 }));
        Assert.True(OnePerCity(5, 4, 0, 1).QuorumMet(rules with { QuorumPercent = 100 }));
        Assert.Equal("Passed: 3 Yes to 2 No.", OnePerCity(5, 3, 2, 0).Explain(rules with { QuorumPercent = 0 }));
        Assert.Equal("Not passed: 2 Yes to 2 No; more Yes than No was needed.", OnePerCity(5, 2, 2, 1).Explain(rules with { QuorumPercent = 0 }));
        Assert.Equal("Passed: 2 Yes of 3 voting Yes or No, at least two-thirds.", OnePerCity(5, 2, 1, 0).Explain(new TallyRules(PassRule.TwoThirds, 0)));
        Assert.Equal("Not passed: 3 Yes of 5 voting Yes or No; two-thirds was needed.", OnePerCity(5, 3, 2, 0).Explain(new TallyRules(PassRule.TwoThirds, 0)));
    }

    [Fact]
    public void A_vote_nobody_cast_fails_under_every_rule_and_quorum_as_today()
    {
        foreach (var quorum in new[] { 0, 1, 50, 100 })
            foreach (var rule in new[] { PassRule.SimpleMajority, PassRule.TwoThirds })
                Assert.False(OnePerCity(25, 0, 0, 0).Passes(new TallyRules(rule, quorum)));
        Assert.Equal(0, OnePerCity(0, 0, 0, 0).TurnoutPercentCities);
        Assert.Equal(0, OnePerCity(0, 0, 0, 0).TurnoutPercentWeight);
    }

    [Fact]
    public void Every_small_vote_is_counted_and_explained_exactly_as_Tally_does()
    {
        // Every electorate of up to 7 cities, every split of its ballots, five quorums, both rules, both quorum bases.
        var checkedCount = 0;
        for (var electors = 0; electors <= 7; electors++)
            for (var yes = 0; yes <= electors; yes++)
                for (var no = 0; yes + no <= electors; no++)
                    for (var abstain = 0; yes + no + abstain <= electors; abstain++)
                    {
                        var old = new Tally(electors, yes, no, abstain);
                        var weighted = OnePerCity(electors, yes, no, abstain);
                        Assert.Equal(WeightedTally.FromTally(old), weighted);
                        foreach (var quorum in new[] { 0, 1, 50, 67, 100 })
                            foreach (var rule in new[] { PassRule.SimpleMajority, PassRule.TwoThirds })
                                foreach (var basis in Bases)
                                {
                                    var rules = new TallyRules(rule, quorum, QuorumBasis: basis);
                                    Assert.Equal(old.QuorumNeededFor(quorum), weighted.QuorumNeeded(rules));
                                    Assert.Equal(old.QuorumMet(quorum), weighted.QuorumMet(rules));
                                    Assert.Equal(old.MeetsRule(rule), weighted.MeetsRule(rules));
                                    Assert.Equal(old.Passes(rule, quorum), weighted.Passes(rules));
                                    Assert.Equal(old.Explain(rule, quorum), weighted.Explain(rules));
                                    checkedCount++;
                                }
                    }

        Assert.Equal(330 * 5 * 2 * 2, checkedCount); // 330 tallies of up to 7 electors
    }

    // ---- Weights ----

    [Fact]
    public void Counting_adds_each_citys_weight_to_its_choice()
    {
        var tally = WeightedTally.Count([(20, BallotChoice.Yes), (2, BallotChoice.No), (4, BallotChoice.Abstain), (1, null), (6, BallotChoice.Yes)]);

        Assert.Equal(new WeightedTally(5, 33, 2, 26, 1, 2, 1, 4), tally);
        Assert.Equal(4, tally.CastCities);
        Assert.Equal(32, tally.CastWeight);
        Assert.Equal(80, tally.TurnoutPercentCities);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightedTally.Count([(0, BallotChoice.Yes)]));
    }

    [Fact]
    public void Two_thirds_with_weights_one_big_city_outweighs_five_small_ones()
    {
        // New York (20) votes Yes; five cities of 50,000–99,999 (2 each) vote No: 20 of 30 is exactly two-thirds.
        var tally = WeightedTally.Count([(20, BallotChoice.Yes), .. Enumerable.Repeat<(int, BallotChoice?)>((2, BallotChoice.No), 5)]);
        var rules = new TallyRules(PassRule.TwoThirds, 50, Weighted: true);

        Assert.True(tally.Passes(rules));
        Assert.Equal("Passed: 20 Yes of 30 weighted votes for Yes or No (1 of 6 cities), at least two-thirds.", tally.Explain(rules));
        Assert.False(OnePerCity(6, 1, 5, 0).Passes(rules with { Weighted = false })); // one city, one vote: 1 of 6
    }

    [Fact]
    public void A_tie_exactly_at_the_two_thirds_threshold_passes_and_one_vote_less_fails()
    {
        var rules = new TallyRules(PassRule.TwoThirds, 0, Weighted: true);

        Assert.True(new WeightedTally(3, 30, 1, 20, 2, 10, 0, 0).MeetsRule(rules)); // 3 × 20 = 2 × 30
        Assert.False(new WeightedTally(3, 29, 1, 19, 2, 10, 0, 0).MeetsRule(rules)); // 57 < 58
        Assert.True(new WeightedTally(3, 60, 2, 40, 1, 20, 0, 0).MeetsRule(rules));
    }

    [Fact]
    public void A_tie_exactly_at_half_fails_a_simple_majority()
    {
        var rules = new TallyRules(PassRule.SimpleMajority, 0, Weighted: true);
        var tie = new WeightedTally(4, 24, 1, 12, 3, 12, 0, 0);

        Assert.False(tie.MeetsRule(rules));
        Assert.Equal("Not passed: 12 Yes to 12 No in weighted votes (1 city to 3); more Yes than No was needed.", tie.Explain(rules));
        Assert.True((tie with { YesWeight = 13, ElectorWeight = 25 }).MeetsRule(rules));
    }

    [Fact]
    public void Abstentions_out_of_the_base_do_not_count_and_in_the_base_they_count_against()
    {
        // Yes 20, No 8, Abstain 4 (weights): out, 20 of 28 is over two-thirds; in, 20 of 32 is 62.5 %.
        var tally = new WeightedTally(6, 32, 2, 20, 2, 8, 2, 4);
        var outRules = new TallyRules(PassRule.TwoThirds, 0, AbstentionsInBase: false, Weighted: true);
        var inRules = outRules with { AbstentionsInBase = true };

        Assert.Equal(28, tally.BaseWeight(outRules));
        Assert.Equal(32, tally.BaseWeight(inRules));
        Assert.True(tally.Passes(outRules));
        Assert.False(tally.Passes(inRules));
        Assert.Equal("Not passed: 20 Yes of 32 weighted votes cast, abstentions included (2 of 6 cities); two-thirds was needed.", tally.Explain(inRules));
    }

    [Fact]
    public void A_simple_majority_with_abstentions_in_the_base_needs_more_than_half_of_all_votes_cast()
    {
        var tally = new WeightedTally(22, 22, 10, 10, 6, 6, 6, 6);
        var outRules = new TallyRules(PassRule.SimpleMajority, 0);
        var inRules = outRules with { AbstentionsInBase = true };

        Assert.True(tally.Passes(outRules)); // 10 to 6
        Assert.False(tally.Passes(inRules)); // 10 of 22
        Assert.Equal("Not passed: 10 Yes of 22 voting, abstentions included; more than half was needed.", tally.Explain(inRules));
        Assert.Equal("Passed: 12 Yes of 22 voting, abstentions included, more than half.",
            (tally with { YesCities = 12, YesWeight = 12, NoCities = 4, NoWeight = 4 }).Explain(inRules));
        Assert.Equal("Passed: 2 Yes of 3 voting, abstentions included, at least two-thirds.",
            new WeightedTally(3, 3, 2, 2, 0, 0, 1, 1).Explain(new TallyRules(PassRule.TwoThirds, 0, AbstentionsInBase: true)));
    }

    [Fact]
    public void Quorum_in_weight_one_big_city_can_make_it_and_in_cities_it_cannot()
    {
        // Ten cities: one of weight 20 and nine of weight 1 (29 in all); 50 % quorum: 15 votes, or 5 cities.
        var bigOnly = WeightedTally.Count([(20, BallotChoice.Yes), .. Enumerable.Repeat<(int, BallotChoice?)>((1, null), 9)]);
        var byWeight = new TallyRules(PassRule.SimpleMajority, 50, QuorumBasis: QuorumBasis.Weight, Weighted: true);
        var byCities = byWeight with { QuorumBasis = QuorumBasis.Cities };

        Assert.Equal(15, bigOnly.QuorumNeeded(byWeight));
        Assert.Equal(5, bigOnly.QuorumNeeded(byCities));
        Assert.True(bigOnly.QuorumMet(byWeight));
        Assert.False(bigOnly.QuorumMet(byCities));
        Assert.Equal("Quorum not reached: 1 of 10 electors voted (20 of 29 weighted votes); 5 electors were needed.", bigOnly.Explain(byCities));
        Assert.Equal("Passed: 20 Yes to 0 No in weighted votes (1 city to 0).", bigOnly.Explain(byWeight));
    }

    [Fact]
    public void Quorum_in_cities_five_small_cities_make_it_and_in_weight_they_do_not()
    {
        var fiveSmall = WeightedTally.Count([(20, null), .. Enumerable.Repeat<(int, BallotChoice?)>((1, BallotChoice.Yes), 5), .. Enumerable.Repeat<(int, BallotChoice?)>((1, null), 4)]);
        var byWeight = new TallyRules(PassRule.SimpleMajority, 50, QuorumBasis: QuorumBasis.Weight, Weighted: true);
        var byCities = byWeight with { QuorumBasis = QuorumBasis.Cities };

        Assert.True(fiveSmall.QuorumMet(byCities));
        Assert.False(fiveSmall.QuorumMet(byWeight));
        Assert.Equal("Quorum not reached: 5 of 29 weighted votes were cast (5 of 10 cities); 15 were needed.", fiveSmall.Explain(byWeight));
    }

    [Fact]
    public void Abstentions_count_toward_the_quorum_whatever_the_base()
    {
        var abstainers = new WeightedTally(4, 10, 0, 0, 0, 0, 2, 5);

        Assert.True(abstainers.QuorumMet(new TallyRules(PassRule.SimpleMajority, 50, Weighted: true)));
        Assert.False(abstainers.MeetsRule(new TallyRules(PassRule.SimpleMajority, 50, Weighted: true)));
        Assert.False(abstainers.MeetsRule(new TallyRules(PassRule.TwoThirds, 50, AbstentionsInBase: true, Weighted: true)));
    }

    [Fact]
    public void The_NLC_table_and_the_meeting_rules_count_a_real_looking_plenary()
    {
        // New York, Phoenix (1.6M), Tucson (542,000), Boulder (108,250), Ames (66,000), Dubuque (59,000), Ketchum (3,500).
        var rules = MeetingRules.Default(1);
        rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.PopulationTiers), "Staff", DateTime.UnixEpoch);
        (int Population, BallotChoice? Choice)[] cities =
        [
            (8_804_190, BallotChoice.No), (1_608_139, BallotChoice.Yes), (542_629, BallotChoice.Yes), (108_250, BallotChoice.Yes),
            (66_000, BallotChoice.No), (59_000, BallotChoice.Abstain), (3_500, null),
        ];

        var tally = WeightedTally.Count(cities.Select(c => (rules.WeightFor(c.Population), c.Choice)));
        var tallyRules = rules.TallyRulesFor(PassRule.TwoThirds, 50);

        Assert.Equal(new WeightedTally(7, 61, 3, 36, 2, 22, 1, 2), tally); // 20+20+12+4+2+2+1
        Assert.False(tally.Passes(tallyRules)); // 36 of 58 is 62 %
        Assert.True(tally.Passes(rules.TallyRulesFor(PassRule.SimpleMajority, 50)));
    }

    private static WeightedTally OnePerCity(int electors, int yes, int no, int abstain) =>
        WeightedTally.Count(
            Enumerable.Repeat<(int, BallotChoice?)>((1, BallotChoice.Yes), yes)
                .Concat(Enumerable.Repeat<(int, BallotChoice?)>((1, BallotChoice.No), no))
                .Concat(Enumerable.Repeat<(int, BallotChoice?)>((1, BallotChoice.Abstain), abstain))
                .Concat(Enumerable.Repeat<(int, BallotChoice?)>((1, null), electors - yes - no - abstain)));
}

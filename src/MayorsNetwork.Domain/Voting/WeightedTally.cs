using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// The counts of a vote in cities and in weighted votes, and what they mean under a meeting's <see cref="TallyRules"/>
/// (issue 17). It generalises <see cref="Tally"/>: with one vote per city and abstentions outside the base it gives
/// exactly <see cref="Tally"/>'s results and words.
/// <list type="bullet">
/// <item>The base of a majority is the weight of Yes and No, plus Abstain when abstentions count in the base.</item>
/// <item>Simple majority: Yes weighs more than half the base (with abstentions out: more Yes than No). Two-thirds: Yes
/// weighs at least two-thirds of the base (exactly two-thirds passes); an empty base fails.</item>
/// <item>Quorum: the quorum share of the electors' total weight, or of their number (<see cref="QuorumBasis"/>), rounded
/// up; every ballot counts toward it, abstentions included. A vote that misses its quorum fails.</item>
/// </list>
/// </summary>
public sealed record WeightedTally(
    int ElectorCities,
    long ElectorWeight,
    int YesCities,
    long YesWeight,
    int NoCities,
    long NoWeight,
    int AbstainCities,
    long AbstainWeight)
{
    public int CastCities => YesCities + NoCities + AbstainCities;

    public long CastWeight => YesWeight + NoWeight + AbstainWeight;

    public double TurnoutPercentCities => ElectorCities == 0 ? 0 : 100.0 * CastCities / ElectorCities;

    public double TurnoutPercentWeight => ElectorWeight == 0 ? 0 : 100.0 * CastWeight / ElectorWeight;

    /// <summary>Counts the elector cities: each with its weight and its ballot's choice, or null when it has not voted.</summary>
    public static WeightedTally Count(IEnumerable<(int Weight, BallotChoice? Choice)> electors)
    {
        int cities = 0, yes = 0, no = 0, abstain = 0;
        long weight = 0, yesW = 0, noW = 0, abstainW = 0;
        foreach (var (w, choice) in electors)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(w, 1, nameof(electors));
            cities++;
            weight += w;
            switch (choice)
            {
                case BallotChoice.Yes: yes++; yesW += w; break;
                case BallotChoice.No: no++; noW += w; break;
                case BallotChoice.Abstain: abstain++; abstainW += w; break;
                case null: break;
                default: throw new ArgumentOutOfRangeException(nameof(electors), choice, "Unknown choice.");
            }
        }

        return new WeightedTally(cities, weight, yes, yesW, no, noW, abstain, abstainW);
    }

    /// <summary>Today's one-city-one-vote counts as a weighted tally (every city weighs 1).</summary>
    public static WeightedTally FromTally(Tally tally) =>
        new(tally.Electors, tally.Electors, tally.Yes, tally.Yes, tally.No, tally.No, tally.Abstain, tally.Abstain);

    public long BaseWeight(TallyRules rules) => YesWeight + NoWeight + (rules.AbstentionsInBase ? AbstainWeight : 0);

    public int BaseCities(TallyRules rules) => YesCities + NoCities + (rules.AbstentionsInBase ? AbstainCities : 0);

    /// <summary>What the quorum is counted against: the electors' weight or their number.</summary>
    public long QuorumTotal(TallyRules rules) => rules.QuorumBasis == QuorumBasis.Cities ? ElectorCities : ElectorWeight;

    /// <summary>What counts toward the quorum: the weight or the number of the cities that cast a ballot.</summary>
    public long QuorumCast(TallyRules rules) => rules.QuorumBasis == QuorumBasis.Cities ? CastCities : CastWeight;

    /// <summary>The quorum share of <see cref="QuorumTotal"/>, rounded up.</summary>
    public long QuorumNeeded(TallyRules rules)
    {
        if (Resolution.CheckQuorum(rules.QuorumPercent) is { } bad) throw new ArgumentOutOfRangeException(nameof(rules), bad);
        return ((QuorumTotal(rules) * rules.QuorumPercent) + 99) / 100;
    }

    public bool QuorumMet(TallyRules rules) =>
        QuorumCast(rules) >= QuorumNeeded(rules) && (rules.QuorumPercent == 0 || QuorumCast(rules) > 0);

    /// <summary>Whether the weights meet the pass rule, quorum aside.</summary>
    public bool MeetsRule(TallyRules rules)
    {
        var baseWeight = BaseWeight(rules);
        return rules.PassRule switch
        {
            PassRule.SimpleMajority => 2 * YesWeight > baseWeight,
            PassRule.TwoThirds => baseWeight > 0 && 3 * YesWeight >= 2 * baseWeight,
            _ => throw new ArgumentOutOfRangeException(nameof(rules), rules.PassRule, "Unknown pass rule."),
        };
    }

    public bool Passes(TallyRules rules) => QuorumMet(rules) && MeetsRule(rules);

    /// <summary>The result in words, as the results page shows it: weighted votes and cities both when the meeting weighs votes.</summary>
    public string Explain(TallyRules rules)
    {
        if (!QuorumMet(rules)) return ExplainQuorum(rules);
        var passed = MeetsRule(rules);
        var verdict = passed ? "Passed" : "Not passed";
        if (rules.PassRule == PassRule.SimpleMajority && !rules.AbstentionsInBase)
        {
            var counts = rules.Weighted
                ? Inv($"{YesWeight} Yes to {NoWeight} No in weighted votes ({YesCities} {Cities(YesCities)} to {NoCities})")
                : Inv($"{YesCities} Yes to {NoCities} No");
            return passed ? $"{verdict}: {counts}." : $"{verdict}: {counts}; more Yes than No was needed.";
        }

        var of = rules.Weighted
            ? Inv($"{YesWeight} Yes of {BaseWeight(rules)} weighted votes {(rules.AbstentionsInBase ? "cast, abstentions included" : "for Yes or No")} ({YesCities} of {BaseCities(rules)} {Cities(BaseCities(rules))})")
            : Inv($"{YesCities} Yes of {BaseCities(rules)} voting{(rules.AbstentionsInBase ? ", abstentions included" : " Yes or No")}");
        var needed = rules.PassRule == PassRule.TwoThirds ? "two-thirds" : "more than half";
        return passed
            ? $"{verdict}: {of}, {(rules.PassRule == PassRule.TwoThirds ? "at least two-thirds" : "more than half")}."
            : $"{verdict}: {of}; {needed} was needed.";
    }

    private string ExplainQuorum(TallyRules rules)
    {
        var needed = QuorumNeeded(rules);
        if (!rules.Weighted)
            return Inv($"Quorum not reached: {CastCities} of {ElectorCities} electors voted; {needed} were needed.");
        return rules.QuorumBasis == QuorumBasis.Cities
            ? Inv($"Quorum not reached: {CastCities} of {ElectorCities} electors voted ({CastWeight} of {ElectorWeight} weighted votes); {needed} electors were needed.")
            : Inv($"Quorum not reached: {CastWeight} of {ElectorWeight} weighted votes were cast ({CastCities} of {ElectorCities} {Cities(ElectorCities)}); {needed} were needed.");
    }

    private static string Cities(long n) => n == 1 ? "city" : "cities";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

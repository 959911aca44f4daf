using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// The counts of a vote and what they mean. Quorum counts everyone who cast a ballot, abstentions included;
/// the pass rules count only Yes and No. A vote that misses its quorum fails, whatever the counts.
/// </summary>
public readonly record struct Tally(int Electors, int Yes, int No, int Abstain)
{
    public int Cast => Yes + No + Abstain;

    /// <summary>The tally of a vote's stored counts (null, as before the close, counts as none). Usable in an EF projection.</summary>
    public static Tally Of(int electors, int? yes, int? no, int? abstain) => new(electors, yes ?? 0, no ?? 0, abstain ?? 0);

    /// <summary>The tally of the ballots counted by choice (a choice with no ballot may be missing).</summary>
    public static Tally Count(int electors, IEnumerable<(BallotChoice Choice, int Count)> ballots)
    {
        int yes = 0, no = 0, abstain = 0;
        foreach (var (choice, count) in ballots)
        {
            switch (choice)
            {
                case BallotChoice.Yes: yes += count; break;
                case BallotChoice.No: no += count; break;
                case BallotChoice.Abstain: abstain += count; break;
                default: throw new ArgumentOutOfRangeException(nameof(ballots), choice, "Unknown choice.");
            }
        }

        return new Tally(electors, yes, no, abstain);
    }

    /// <summary>Those who took a side: the base of both pass rules.</summary>
    public int Decided => Yes + No;

    /// <summary>Share of the electors who cast a ballot, 0–100.</summary>
    public double TurnoutPercent => Electors == 0 ? 0 : 100.0 * Cast / Electors;

    /// <summary>Ballots needed for quorum: the quorum share of the electors, rounded up (50 % of 7 electors is 4).</summary>
    public static int QuorumNeeded(int electors, int quorumPercent) =>
        (int)((((long)electors * quorumPercent) + 99) / 100);

    public int QuorumNeededFor(int quorumPercent) => QuorumNeeded(Electors, quorumPercent);

    public bool QuorumMet(int quorumPercent) => Cast >= QuorumNeededFor(quorumPercent) && (quorumPercent == 0 || Cast > 0);

    /// <summary>Whether Yes and No alone meet the rule (simple majority: more Yes than No; two-thirds: Yes ≥ ⅔ of Yes+No, none at all fails).</summary>
    public bool MeetsRule(PassRule rule) => rule switch
    {
        PassRule.SimpleMajority => Yes > No,
        PassRule.TwoThirds => Decided > 0 && 3L * Yes >= 2L * Decided,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown pass rule."),
    };

    public bool Passes(PassRule rule, int quorumPercent) => QuorumMet(quorumPercent) && MeetsRule(rule);

    /// <summary>Plain words for the result, as shown on the results page.</summary>
    public string Explain(PassRule rule, int quorumPercent)
    {
        if (!QuorumMet(quorumPercent))
            return $"Quorum not reached: {Cast} of {Electors} electors voted; {QuorumNeededFor(quorumPercent)} were needed.";
        return rule switch
        {
            PassRule.SimpleMajority when Yes > No => $"Passed: {Yes} Yes to {No} No.",
            PassRule.SimpleMajority => $"Not passed: {Yes} Yes to {No} No; more Yes than No was needed.",
            PassRule.TwoThirds when MeetsRule(rule) => $"Passed: {Yes} Yes of {Decided} voting Yes or No, at least two-thirds.",
            _ => $"Not passed: {Yes} Yes of {Decided} voting Yes or No; two-thirds was needed.",
        };
    }
}

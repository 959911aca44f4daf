using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>What the tally shows, computed once for the page and its JSON alike.</summary>
public sealed record TallyView(bool IsOpen, int Electors, int Yes, int No, int Abstain, int Cast, int NotVoted, string Turnout,
    int QuorumNeeded, bool QuorumMet, string QuorumText, string? Outcome)
{
    /// <summary>"14:03:27 UTC": when the figures were read.</summary>
    public static string Time(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The figures of a tally under the vote's quorum; a closed vote's <paramref name="outcome"/> as stored at close.</summary>
    public static TallyView From(Tally t, bool isOpen, int quorumPercent, VoteOutcome? outcome)
    {
        var quorumNeeded = t.QuorumNeededFor(quorumPercent);
        var quorumMet = t.QuorumMet(quorumPercent);
        var turnout = FormattableString.Invariant($"{t.Cast:N0} of {t.Electors:N0} ({ResultsChart.Percent(t.Cast, t.Electors)})");
        var quorumText = quorumMet
            ? FormattableString.Invariant($"Quorum reached: {t.Cast:N0} ballots, {quorumNeeded:N0} needed.")
            : FormattableString.Invariant($"Quorum not reached yet: {t.Cast:N0} ballots, {quorumNeeded:N0} needed ({quorumPercent}% of the electors).");
        return new TallyView(isOpen, t.Electors, t.Yes, t.No, t.Abstain, t.Cast, Math.Max(0, t.Electors - t.Cast), turnout,
            quorumNeeded, quorumMet, quorumText, isOpen ? null : VoteOutcome.Verdict(outcome));
    }
}

using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// The live tally of a vote, for everyone in the room: counts, turnout against the electors and whether quorum
/// is reached. The page is complete as served (and offers a refresh link without script); a small script of
/// ours asks <c>?handler=Counts</c> every second while the vote is open and updates the figures in place.
/// </summary>
[AllowAnonymous]
public sealed class TallyModel(Services.Votes votes, VoteResults results, TimeProvider clock) : PortalPageModel
{
    /// <summary>How often the page's script asks for the counts.</summary>
    public const int PollMilliseconds = 1000;

    public VoteSummary Vote { get; private set; } = null!;

    public TallyView Counts { get; private set; } = null!;

    public string AsOf => TallyView.Time(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote || await votes.TallyAsync(id, cancellationToken) is not { } live) return NotFound();
        Vote = vote;
        Counts = TallyView.From(live);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The counts as JSON for the page's script; never cached.</summary>
    public async Task<IActionResult> OnGetCountsAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await votes.TallyAsync(id, cancellationToken) is not { } live) return NotFound();
        return new JsonResult(new { counts = TallyView.From(live), asOf = TallyView.Time(clock) });
    }
}

/// <summary>What the tally shows, computed once for the page and its JSON alike.</summary>
public sealed record TallyView(bool IsOpen, int Electors, int Yes, int No, int Abstain, int Cast, int NotVoted, string Turnout,
    int QuorumNeeded, bool QuorumMet, string QuorumText, string? Outcome)
{
    /// <summary>"14:03:27 UTC": when the figures were read.</summary>
    public static string Time(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    public static TallyView From(LiveTally live)
    {
        var t = live.Tally;
        var turnout = FormattableString.Invariant($"{t.Cast:N0} of {t.Electors:N0} ({ResultsChart.Percent(t.Cast, t.Electors)})");
        var quorumText = live.QuorumMet
            ? FormattableString.Invariant($"Quorum reached: {t.Cast:N0} ballots, {live.QuorumNeeded:N0} needed.")
            : FormattableString.Invariant($"Quorum not reached yet: {t.Cast:N0} ballots, {live.QuorumNeeded:N0} needed ({live.QuorumPercent}% of the electors).");
        var outcome = live.IsOpen ? null : VoteOutcome.Verdict(live.Outcome);
        return new TallyView(live.IsOpen, t.Electors, t.Yes, t.No, t.Abstain, t.Cast, Math.Max(0, t.Electors - t.Cast), turnout,
            live.QuorumNeeded, live.QuorumMet, quorumText, outcome);
    }
}

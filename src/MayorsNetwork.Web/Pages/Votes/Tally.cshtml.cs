namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// The live tally of a vote, for everyone in the room: counts, turnout against the electors and whether quorum
/// is reached. The page is complete as served (and offers a refresh link without script); a small script of
/// ours asks <c>?handler=Counts</c> every second while the vote is open and updates the figures in place.
/// </summary>
[AllowAnonymous]
public sealed class TallyModel(LiveTally tally, VoteResults results, TimeProvider clock) : PortalPageModel
{
    /// <summary>How often the page's script asks for the counts.</summary>
    public const int PollMilliseconds = 1000;

    public VoteSummary Vote { get; private set; } = null!;

    public TallyView Counts { get; private set; } = null!;

    public string AsOf => TallyView.Time(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote || await tally.ReadAsync(id, cancellationToken) is not { } counts) return NotFound();
        Vote = vote;
        Counts = counts;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The counts as JSON for the page's script; never cached.</summary>
    public async Task<IActionResult> OnGetCountsAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await tally.ReadAsync(id, cancellationToken) is not { } counts) return NotFound();
        return new JsonResult(new { counts, asOf = TallyView.Time(clock) });
    }
}

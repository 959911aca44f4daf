using Microsoft.AspNetCore.OutputCaching;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// A vote's result for everyone: the counts computed at close, quorum and rule in words, the outcome with its
/// reason, and a bar chart. While the vote is open there is no result yet: the page says so and points to the
/// live tally.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = CacheTags.VotesPolicy)]
public sealed class ResultsModel(VoteResults results) : PortalPageModel
{
    public VoteSummary Vote { get; private set; } = null!;

    public string? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote) return NotFound();
        Vote = vote;
        // An open vote's page changes when it closes; only final results are kept.
        if (vote.IsOpen) HttpContext.DoNotCache();
        if (vote.Result is { } tally) Chart = ResultsChart.Render(tally);
        return Page();
    }
}

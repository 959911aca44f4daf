using MayorsNetwork.Web.Exports;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>The roll call of a closed vote as CSV: every elector city, "Not voted" for those that did not. While open, a page says so.</summary>
[AllowAnonymous]
public sealed class RollCallCsvModel(VoteResults results) : PortalPageModel
{
    public VoteSummary Vote { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote) return NotFound();
        Vote = vote;
        if (vote.IsOpen) return Page();
        var rows = await results.RollCallAsync(id, cancellationToken);
        return File(RollCallCsv.Write(rows), CsvFile.ContentType, vote.FileStem + ".csv");
    }
}

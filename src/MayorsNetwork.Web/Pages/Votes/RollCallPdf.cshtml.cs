using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>The roll call of a closed vote as a PDF, for the record. While open, a page says so.</summary>
[AllowAnonymous]
public sealed class RollCallPdfModel(VoteResults results, IOptions<MembershipOptions> options) : PortalPageModel
{
    public VoteSummary Vote { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, cancellationToken) is not { } vote) return NotFound();
        Vote = vote;
        if (vote.IsOpen || vote.Result is not { } tally || vote.ClosedAtUtc is not { } closedAt) return Page();
        var rows = await results.RollCallAsync(id, cancellationToken);
        var heading = new RollCallHeading(vote.ResolutionTitle, vote.Stage.Display(), vote.MeetingTitle, vote.RuleInWords, vote.Outcome ?? "", vote.Explanation ?? "", tally, closedAt);
        return File(RollCallPdf.Render(heading, rows, options.Value.AssociationName), "application/pdf", vote.FileStem + ".pdf");
    }
}

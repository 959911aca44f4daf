using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Meetings;

/// <summary>
/// The policy report of a meeting: every resolution its plenary adopted, as a PDF to send to the President and
/// Congress. Public, as the association's adopted policy is. With nothing adopted, a page says so. The PDF is drawn
/// once per change and kept (<see cref="PolicyReportStore"/>), whatever the query string.
/// </summary>
[AllowAnonymous]
public sealed class AdoptedModel(VoteResults results, PolicyReportStore reports, TimeProvider clock) : PortalPageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public bool IsPast { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (meeting, adopted) = await results.AdoptedAsync(id, cancellationToken);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        IsPast = meeting.IsPast(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (adopted.Count == 0) return Page();
        var pdf = await reports.GetAsync(meeting, adopted, cancellationToken);
        return File(pdf, "application/pdf", $"adopted-policy-resolutions-meeting-{meeting.Id}-{meeting.StartsOn:yyyy-MM-dd}.pdf");
    }
}

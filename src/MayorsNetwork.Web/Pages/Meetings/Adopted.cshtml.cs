using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Infrastructure.Pdf;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Pages.Meetings;

/// <summary>
/// The policy report of a meeting: every resolution its plenary adopted, as a PDF to send to the President and
/// Congress. Public, as the association's adopted policy is. With nothing adopted, a page says so.
/// </summary>
[AllowAnonymous]
public sealed class AdoptedModel(VoteResults results, IOptions<MembershipOptions> options, TimeProvider clock) : PageModel
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
        var dates = meeting.StartsOn.ToString("MMMM d, yyyy", PdfFlow.Us) +
                    (meeting.EndsOn == meeting.StartsOn ? "" : " – " + meeting.EndsOn.ToString("MMMM d, yyyy", PdfFlow.Us));
        var pdf = PolicyReportPdf.Render(meeting.Title, $"{dates} · {meeting.Place}", adopted, options.Value.AssociationName, clock.GetUtcNow().UtcDateTime);
        return File(pdf, "application/pdf", $"adopted-policy-resolutions-meeting-{meeting.Id}-{meeting.StartsOn:yyyy-MM-dd}.pdf");
    }
}


namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>
/// The council packet of one of the city's own invoices (issue 14 item 6): cover letter, invoice, dues schedule and
/// W-9 in one PDF for the clerk. Another city's number is "not found", as for the invoice's PDF.
/// </summary>
public sealed class CouncilPacketModel(PortalDbContext db, CouncilPackets packets) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var governmentId = await db.GovernmentIdAsync(User, cancellationToken);
        if (governmentId is null) return NotFound();
        var packet = await packets.RenderAsync(db.Invoices.Where(i => i.Number == number && i.Membership.GovernmentId == governmentId), cancellationToken);
        return packet is { } p ? File(p.Pdf, "application/pdf", p.FileName) : NotFound();
    }
}

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>Any invoice's council packet (issue 14 item 6), as the city downloads it.</summary>
public sealed class CouncilPacketModel(PortalDbContext db, CouncilPackets packets) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var packet = await packets.RenderAsync(db.Invoices.Where(i => i.Id == id), cancellationToken);
        return packet is { } p ? File(p.Pdf, "application/pdf", p.FileName) : NotFound();
    }
}

using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>Any invoice as a PDF, rendered as it stands now (payments and voiding show).</summary>
public sealed class PdfModel(PortalDbContext db, IOptions<InvoiceOptions> terms) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return NotFound();
        return File(InvoicePdf.Render(invoice, terms.Value), "application/pdf", $"Invoice-{invoice.Number}.pdf");
    }
}

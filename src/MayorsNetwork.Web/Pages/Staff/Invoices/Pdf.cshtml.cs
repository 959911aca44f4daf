using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>Any invoice as a PDF, rendered as it stands now (payments and voiding show).</summary>
public sealed class PdfModel(PortalDbContext db, IOptions<InvoiceOptions> terms) : PortalPageModel
{
    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        this.InvoicePdfAsync(db.Invoices.Where(i => i.Id == id), terms.Value, cancellationToken);
}

using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>The receipt or acknowledgement of any payment of an invoice, as a PDF (as it was emailed to the city).</summary>
public sealed class ReceiptModel(PortalDbContext db, IOptions<InvoiceOptions> terms) : PortalPageModel
{
    public Task<IActionResult> OnGetAsync(int id, int paymentId, CancellationToken cancellationToken) =>
        this.ReceiptPdfAsync(db.Invoices.Where(i => i.Id == id), paymentId, terms.Value, cancellationToken);
}

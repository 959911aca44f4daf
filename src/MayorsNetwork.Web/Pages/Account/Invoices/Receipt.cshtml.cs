using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>The receipt or acknowledgement of a payment on one of the city's own invoices, as a PDF. Another city's is "not found".</summary>
public sealed class ReceiptModel(PortalDbContext db, IOptions<InvoiceOptions> terms) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(string number, int paymentId, CancellationToken cancellationToken)
    {
        var governmentId = await db.GovernmentIdAsync(User, cancellationToken);
        if (governmentId is null) return NotFound();
        return await this.ReceiptPdfAsync(db.Invoices.Where(i => i.Number == number && i.Membership.GovernmentId == governmentId), paymentId, terms.Value, cancellationToken);
    }
}

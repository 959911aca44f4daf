using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>One of the city's own invoices as a PDF. Another city's number is "not found", as if it did not exist.</summary>
public sealed class PdfModel(PortalDbContext db, IOptions<InvoiceOptions> terms) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var governmentId = await db.GovernmentIdAsync(User, cancellationToken);
        if (governmentId is null) return NotFound();
        return await this.InvoicePdfAsync(db.Invoices.Where(i => i.Number == number && i.Membership.GovernmentId == governmentId), terms.Value, cancellationToken);
    }
}

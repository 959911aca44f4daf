using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>
/// An invoice as a downloaded PDF, rendered as it stands now (payments and voiding show); "not found" when the
/// query finds none, so a page that narrows the query to what its user may see tells nothing about the rest.
/// </summary>
public static class InvoicePdfFile
{
    public static async Task<IActionResult> InvoicePdfAsync(this PageModel page, IQueryable<Invoice> invoices, InvoiceOptions terms, CancellationToken cancellationToken)
    {
        var invoice = await invoices.AsNoTracking().Include(i => i.Payments).FirstOrDefaultAsync(cancellationToken);
        if (invoice is null) return page.NotFound();
        return page.File(InvoicePdf.Render(invoice, terms), "application/pdf", $"Invoice-{invoice.Number}.pdf");
    }
}

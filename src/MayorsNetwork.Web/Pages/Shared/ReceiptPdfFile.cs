using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>
/// A payment's receipt or acknowledgement as a downloaded PDF (issue 14), the same as was emailed; "not found" when the
/// query finds no invoice holding that payment, so a page that narrows the query to what its user may see tells nothing
/// about the rest.
/// </summary>
public static class ReceiptPdfFile
{
    public static async Task<IActionResult> ReceiptPdfAsync(this PageModel page, IQueryable<Invoice> invoices, int paymentId, InvoiceOptions terms, CancellationToken cancellationToken)
    {
        var invoice = await invoices.AsNoTracking().Include(i => i.Payments)
            .FirstOrDefaultAsync(i => i.Payments.Any(p => p.Id == paymentId), cancellationToken);
        if (invoice is null) return page.NotFound();
        var receipt = PaymentReceipt.For(invoice, invoice.Payments.Single(p => p.Id == paymentId));
        return page.File(ReceiptPdf.Render(receipt, terms), "application/pdf", OutboxProcessor.ReceiptFileName(receipt));
    }
}

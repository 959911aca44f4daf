using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Web.Pages.Documents;

/// <summary>
/// The current W-9 or ACH/remittance form, for anyone with the link (issue 14 item 4). Public on purpose: invoice emails
/// link here and go to billing contacts who often have no account, and what these forms hold (the association's
/// name, address and taxpayer number; its bank details for payments) is already printed on every invoice it sends.
/// Streamed from the database. With nothing uploaded, a page says so (404).
/// </summary>
[AllowAnonymous]
public sealed class DownloadModel(AssociationDocuments documents, IOptions<MayorsNetwork.Infrastructure.Invoices.InvoiceOptions> terms) : PortalPageModel
{
    public string Title { get; private set; } = "";

    public string BillingEmail => terms.Value.BillingEmail;

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (DocumentKinds.FromSlug(kind) is not { } known) return NotFound();
        Title = DocumentKinds.Title(known);
        if (await documents.CurrentAsync(known, cancellationToken) is { } current && await documents.OpenAsync(current.Id, cancellationToken) is { } content)
        {
            // The stream from the database cannot say its length; the stored size can (browsers show the download's progress).
            Response.ContentLength = current.Size;
            return File(content, "application/pdf", current.FileName);
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

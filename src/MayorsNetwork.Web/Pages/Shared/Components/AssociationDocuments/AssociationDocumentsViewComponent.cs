namespace MayorsNetwork.Web.Pages.Shared.Components.AssociationDocuments;

/// <summary>
/// The association's current W-9 and ACH/remittance form, for a member's invoices page (issue 14 item 4), or a line
/// saying they are not on file yet. A component, so the invoices page needs one line to show it.
/// </summary>
public sealed class AssociationDocumentsViewComponent(Services.AssociationDocuments documents, IOptions<MayorsNetwork.Infrastructure.Invoices.InvoiceOptions> terms) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var current = await documents.CurrentAsync(HttpContext.RequestAborted);
        return View((current, terms.Value.BillingEmail));
    }
}

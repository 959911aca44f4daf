namespace MayorsNetwork.Web.Pages.Staff.Documents;

/// <summary>Any stored version of an association document, streamed from the database.</summary>
public sealed class DownloadModel(AssociationDocuments documents) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } version) return NotFound();
        if (await documents.OpenAsync(id, cancellationToken) is not { } content) return NotFound();
        Response.ContentLength = version.Size;
        return File(content, "application/pdf", $"v{version.Version}-{version.FileName}");
    }
}

using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The links to the association's W-9 and ACH/remittance form that invoice emails carry (issue 14 item 4), built from
/// PublicUrl like every link in an email; a kind with nothing uploaded gets no link. Emails are composed synchronously
/// inside the services' transactions, so which kinds are on file is read once per scope with one small query.
/// </summary>
public sealed class AssociationDocumentLinks(PortalDbContext db, PortalLinks links)
{
    private IReadOnlyList<DocumentKind>? _onFile;

    public IReadOnlyList<EmailParagraph> ForInvoiceEmail()
    {
        _onFile ??= db.AssociationDocuments.AsNoTracking().Select(d => d.Kind).Distinct().ToList();
        return DocumentKinds.All.Where(_onFile.Contains)
            .Select(kind => new EmailParagraph(
                kind == DocumentKind.W9 ? "Our W-9, for your finance office's records:" : "Our ACH/remittance form, to pay electronically:",
                links.Page("/Documents/Download", new { kind = DocumentKinds.Slug(kind) })))
            .ToList();
    }
}

using System.Security.Cryptography;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Infrastructure.Documents;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The association's W-9 and ACH/remittance form (issue 14 item 4): an upload is checked by its content (not empty, at
/// most 5 MB, starts with <c>%PDF-</c>, and PDFsharp opens it for import, as the council packet will) and stored as the
/// next version of its kind; the highest version is the one served, earlier ones stay listed for staff. Errors are
/// keyed <see cref="PdfUpload.Property"/> ("File"), the upload form's field.
/// </summary>
public sealed class AssociationDocuments(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Stores <paramref name="content"/> (at most <see cref="PdfUpload.MaxBytes"/> bytes, read by the caller) as the next version.</summary>
    public async Task<Outcome> UploadAsync(DocumentKind kind, string fileName, Stream content, long length, string uploadedBy, CancellationToken cancellationToken)
    {
        if (length > PdfUpload.MaxBytes) return Refused(PdfUpload.Check(length, []));
        var bytes = new byte[length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        var check = PdfUpload.Check(bytes.LongLength, bytes);
        if (!check.Succeeded) return Refused(check);
        if (PdfImport.PageCount(bytes) is null) return Outcome.Fail(PdfUpload.UnreadableMessage, PdfUpload.Property);

        var latest = await db.AssociationDocuments.Where(d => d.Kind == kind).MaxAsync(d => (int?)d.Version, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        db.AssociationDocuments.Add(AssociationDocument.NextVersion(kind, latest, fileName, bytes, sha, uploadedBy, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateException)
        {
            // The unique (kind, version) index: someone else's upload of the same kind took this version a moment ago.
            db.ChangeTracker.Clear();
            return Outcome.Fail($"Another {DocumentKinds.Title(kind)} was uploaded at the same moment, so this one was not saved. Check the list below and upload again if it is still needed.");
        }
    }

    /// <summary>Every version of every kind, newest first within a kind, without the contents.</summary>
    public async Task<IReadOnlyList<DocumentVersion>> VersionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.AssociationDocuments.AsNoTracking()
            .OrderBy(d => d.Kind).ThenByDescending(d => d.Version)
            .Select(d => new DocumentVersion(d.Id, d.Kind, d.Version, d.FileName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAtUtc))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>The version served for each kind that has one.</summary>
    public async Task<IReadOnlyList<DocumentVersion>> CurrentAsync(CancellationToken cancellationToken) =>
        (await VersionsAsync(cancellationToken)).GroupBy(v => v.Kind).Select(g => g.First()).OrderBy(v => v.Kind).ToList();

    /// <summary>The version served for <paramref name="kind"/>, or null when none is uploaded.</summary>
    public Task<DocumentVersion?> CurrentAsync(DocumentKind kind, CancellationToken cancellationToken) =>
        db.AssociationDocuments.AsNoTracking().Where(d => d.Kind == kind).OrderByDescending(d => d.Version)
            .Select(d => new DocumentVersion(d.Id, d.Kind, d.Version, d.FileName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<DocumentVersion?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.AssociationDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentVersion(d.Id, d.Kind, d.Version, d.FileName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stored bytes as a stream from the database (see <see cref="AssociationDocumentContent"/>); null if the row is gone.</summary>
    public Task<Stream?> OpenAsync(int id, CancellationToken cancellationToken) => AssociationDocumentContent.OpenAsync(db, id, cancellationToken);

    /// <summary>The whole content of the current version, for merging into a council packet (at most 5 MB); null when none.</summary>
    public async Task<byte[]?> CurrentContentAsync(DocumentKind kind, CancellationToken cancellationToken) =>
        await db.AssociationDocuments.AsNoTracking().Where(d => d.Kind == kind).OrderByDescending(d => d.Version)
            .Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);

    private static Outcome Refused(RuleResult result) =>
        new(result.Errors.Select(e => new KeyValuePair<string, string>(e.Property ?? "", e.Message)).ToList());
}

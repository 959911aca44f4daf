namespace MayorsNetwork.Domain.Documents;

/// <summary>
/// One uploaded version of one of the association's documents (a W-9, an ACH/remittance form). Versions are numbered
/// 1, 2, … per kind and never changed or deleted: the highest is the one served, the earlier ones stay for staff.
/// The content lives in the database so that every instance serves the same file.
/// </summary>
public sealed class AssociationDocument
{
    public int Id { get; set; }

    public DocumentKind Kind { get; set; }

    public int Version { get; set; }

    /// <summary>The uploaded file's name, tidied by <see cref="PdfUpload.FileName"/>.</summary>
    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>The next version of a kind whose highest stored version is <paramref name="latest"/> (null: none yet).</summary>
    public static AssociationDocument NextVersion(
        DocumentKind kind, int? latest, string fileName, byte[] content, string sha256, string uploadedBy, DateTime uploadedAtUtc) => new()
    {
        Kind = kind,
        Version = (latest ?? 0) + 1,
        FileName = PdfUpload.FileName(fileName, kind),
        Content = content,
        Size = content.LongLength,
        Sha256 = sha256,
        UploadedBy = uploadedBy,
        UploadedAtUtc = uploadedAtUtc,
    };
}

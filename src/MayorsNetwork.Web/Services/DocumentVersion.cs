using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Web.Services;

/// <summary>One stored version of an association document, without its content.</summary>
public sealed record DocumentVersion(int Id, DocumentKind Kind, int Version, string FileName, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc)
{
    public string Title => DocumentKinds.Title(Kind);

    /// <summary>"412 KB", "1.3 MB".</summary>
    public string SizeText => Size < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (Size + 512) / 1024):N0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{Size / (1024d * 1024d):0.0} MB");
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// A population CSV checked and nothing changed (issue 14): its errors by row and column, or the upload waiting for
/// confirmation with the preview as it would be once confirmed.
/// </summary>
public sealed record PopulationDryRun(IReadOnlyList<PopulationCsvError> Errors, int Rows, Guid? UploadId, CensusPreview? Preview)
{
    public bool Succeeded => Errors.Count == 0 && UploadId is not null;
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Every member's dues this fiscal year and next with the population figures recorded (and, in a CSV's dry run, the
/// file's figures as if confirmed), with the totals by bracket (issue 14).
/// </summary>
public sealed record CensusPreview(int ThisFiscalYear, int NextFiscalYear, IReadOnlyList<CensusPreviewRow> Rows, DuesPreview Totals, bool NextScheduleMissing)
{
    /// <summary>Members whose bracket changes first, then by the size of the change, then by name.</summary>
    public IEnumerable<CensusPreviewRow> InReadingOrder() => Rows
        .OrderByDescending(r => r.Comparison.BracketChanged)
        .ThenByDescending(r => Math.Abs(r.Comparison.Difference))
        .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.State, StringComparer.Ordinal);
}

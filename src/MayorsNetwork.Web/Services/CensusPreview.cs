using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Every member's dues this fiscal year and next with the population figures recorded (and, in a CSV's dry run, the
/// file's figures as if confirmed), with the totals by bracket (issue 14).
/// </summary>
public sealed record CensusPreview(int ThisFiscalYear, int NextFiscalYear, IReadOnlyList<CensusPreviewRow> Rows, DuesPreview Totals, bool NextScheduleMissing)
{
    /// <summary>
    /// Members whose bracket changes first, then by the size of the change, then by name: <paramref name="take"/> of
    /// them from <paramref name="skip"/>. Only the few whose dues change are sorted by change; the rest are sorted by
    /// name only when a page reaches them.
    /// </summary>
    public IReadOnlyList<CensusPreviewRow> InReadingOrder(int skip, int take, bool onlyNew = false)
    {
        var rows = onlyNew ? Rows.Where(r => r.NewFigure) : Rows;
        var changed = rows.Where(r => r.Comparison.BracketChanged || r.Comparison.Difference != 0)
            .OrderByDescending(r => r.Comparison.BracketChanged)
            .ThenByDescending(r => Math.Abs(r.Comparison.Difference))
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.State, StringComparer.Ordinal)
            .ToList();
        if (skip + take <= changed.Count) return changed.Skip(skip).Take(take).ToList();
        var same = rows.Where(r => !r.Comparison.BracketChanged && r.Comparison.Difference == 0)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.State, StringComparer.Ordinal);
        return changed.Concat(same).Skip(skip).Take(take).ToList();
    }
}

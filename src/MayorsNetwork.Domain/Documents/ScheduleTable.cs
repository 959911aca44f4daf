using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Documents;

/// <summary>
/// A dues schedule as rows for the council packet, the row that applies to <c>population</c> marked: one row per
/// bracket (flat tiers, base plus per capita), or the one per-capita rule.
/// </summary>
public static class ScheduleTable
{
    public static IReadOnlyList<ScheduleRow> Rows(DuesSchedule schedule, int population) => schedule.Kind switch
    {
        DuesScheduleKind.PerCapita =>
        [
            new ScheduleRow("Every population",
                string.Create(CultureInfo.InvariantCulture, $"${schedule.PerCapitaRate:0.00##} per resident, at least {Money.Format(schedule.MinimumAmount)}") +
                (schedule.MaximumAmount is { } max ? $", at most {Money.Format(max)}" : ""),
                true),
        ],
        _ => schedule.Brackets.OrderBy(b => b.MinPopulation)
            .Select(b => new ScheduleRow(b.Describe(), Dues(schedule.Kind, b), b.Contains(population)))
            .ToList(),
    };

    private static string Dues(DuesScheduleKind kind, DuesBracket b) =>
        kind == DuesScheduleKind.FlatTiers || b.PerCapitaRate == 0
            ? Money.Format(b.BaseAmount)
            : string.Create(CultureInfo.InvariantCulture, $"{Money.Format(b.BaseAmount)} + ${b.PerCapitaRate:0.00##} per resident");
}

namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// The totals of the population-figures preview (issue 14): one row per bracket (in population order, brackets of
/// both schedules), the grand totals, and how many members move up, down or stay.
/// </summary>
public sealed record DuesPreview(
    IReadOnlyList<BracketTotals> Rows,
    int Members,
    decimal TotalThisYear,
    decimal TotalNextYear,
    int PayMore,
    int PayLess,
    int PaySame,
    int ChangeBracket)
{
    public decimal Difference => TotalNextYear - TotalThisYear;

    public static DuesPreview Build(IEnumerable<DuesComparison> members, DuesSchedule thisYear, DuesSchedule? nextYear)
    {
        var list = members as IReadOnlyCollection<DuesComparison> ?? members.ToList();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var schedule in new[] { nextYear, thisYear })
            foreach (var b in schedule?.Brackets ?? [])
                order.TryAdd(b.Describe(), b.MinPopulation);

        var rows = new Dictionary<string, (int InNow, int InNext, decimal Now, decimal Next, int MovingIn, int MovingOut)>(StringComparer.Ordinal);
        int more = 0, less = 0, same = 0, moved = 0;
        decimal totalNow = 0, totalNext = 0;
        foreach (var m in list)
        {
            var now = rows.GetValueOrDefault(m.ThisYear.Bracket);
            now.InNow++;
            now.Now += m.ThisYear.FullAmount;
            if (m.BracketChanged) now.MovingOut++;
            rows[m.ThisYear.Bracket] = now;

            var next = rows.GetValueOrDefault(m.NextYear.Bracket);
            next.InNext++;
            next.Next += m.NextYear.FullAmount;
            if (m.BracketChanged) next.MovingIn++;
            rows[m.NextYear.Bracket] = next;

            totalNow += m.ThisYear.FullAmount;
            totalNext += m.NextYear.FullAmount;
            if (m.Difference > 0) more++;
            else if (m.Difference < 0) less++;
            else same++;
            if (m.BracketChanged) moved++;
        }

        var ordered = rows
            .OrderBy(r => order.TryGetValue(r.Key, out var min) ? min : int.MaxValue)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new BracketTotals(r.Key, r.Value.InNow, r.Value.InNext, r.Value.Now, r.Value.Next, r.Value.MovingIn, r.Value.MovingOut))
            .ToList();
        return new DuesPreview(ordered, list.Count, totalNow, totalNext, more, less, same, moved);
    }
}

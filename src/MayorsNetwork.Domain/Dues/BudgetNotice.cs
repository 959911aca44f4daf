namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// When a member city hears next year's dues (issue 14): <c>Invoices:BudgetNoticeDays</c> (default
/// <see cref="DefaultNoticeDays"/>) before its own fiscal year starts, once per year. A city's fiscal year starts in
/// its own month (default July, the most common for U.S. cities), named, as ours is, by the calendar year it ends in.
/// <para>
/// "Next" for a city is the fiscal year that starts after today (on the first day of a fiscal year, the next one is a
/// year away). Its notice is due from its notice date until the day before it starts, so a worker that was down on
/// the day catches up; it is due once, so the worker records the city fiscal year it noticed. The dues it quotes are
/// those of the association's fiscal year that starts during that city year: the invoice the city's new budget
/// will pay.
/// </para>
/// </summary>
public static class BudgetNotice
{
    public const int DefaultNoticeDays = 150;
    public const int DefaultCityStartMonth = 7;

    /// <summary>The city's next fiscal year on <paramref name="today"/>.</summary>
    public static FiscalYear NextCityYear(DateOnly today, int cityStartMonth) =>
        new(FiscalYear.Containing(today, cityStartMonth).Year + 1, cityStartMonth);

    /// <summary>The day the notice for <paramref name="cityYear"/> is due.</summary>
    public static DateOnly NoticeDate(FiscalYear cityYear, int noticeDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(noticeDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(noticeDays, 365);
        return cityYear.Start.AddDays(-noticeDays);
    }

    /// <summary>
    /// The city fiscal year whose notice should go out today, or null: today is on or after the notice date of the
    /// city's next fiscal year, and <paramref name="lastNoticedCityYear"/> (the city year of the last notice sent) is
    /// not that year.
    /// </summary>
    public static FiscalYear? DueOn(DateOnly today, int cityStartMonth, int noticeDays, int? lastNoticedCityYear)
    {
        var next = NextCityYear(today, cityStartMonth);
        if (today < NoticeDate(next, noticeDays)) return null;
        return lastNoticedCityYear is { } last && last >= next.Year ? null : next;
    }

    /// <summary>The association's fiscal year that starts during <paramref name="cityYear"/>: exactly one does, both being twelve months long.</summary>
    public static FiscalYear AssociationYearFor(FiscalYear cityYear, int associationStartMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(associationStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(associationStartMonth, 12);
        var start = new DateOnly(cityYear.Start.Year, associationStartMonth, 1);
        if (start < cityYear.Start) start = start.AddYears(1);
        return FiscalYear.Containing(start, associationStartMonth);
    }
}

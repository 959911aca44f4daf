namespace MayorsNetwork.Domain;

/// <summary>
/// A fiscal year named, as U.S. governments do, by the calendar year in which it ends.
/// With a January start the fiscal year is the calendar year.
/// </summary>
public readonly record struct FiscalYear(int Year, int StartMonth)
{
    public DateOnly Start => StartMonth == 1 ? new DateOnly(Year, 1, 1) : new DateOnly(Year - 1, StartMonth, 1);

    public DateOnly End => Start.AddYears(1).AddDays(-1);

    public static FiscalYear Containing(DateOnly date, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        var year = startMonth == 1 || date.Month < startMonth ? date.Year : date.Year + 1;
        return new FiscalYear(year, startMonth);
    }

    public override string ToString() => StartMonth == 1
        ? $"FY {Year}"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FY {Year} ({Start:MMM yyyy} – {End:MMM yyyy})");
}

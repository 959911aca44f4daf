namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// A member city's own budget calendar (issue 14): the month its fiscal year starts (recorded by the city; July when it
/// has not said) and the city fiscal year of the last budget notice sent, so that each year's notice goes once.
/// </summary>
public sealed class BudgetCalendar
{
    public int GovernmentId { get; set; }

    public int FiscalYearStartMonth { get; set; } = BudgetNotice.DefaultCityStartMonth;

    /// <summary>The city fiscal year (named by the calendar year it ends in) whose notice was last sent, or null.</summary>
    public int? LastNoticedCityYear { get; set; }

    public DateTime? LastNoticedAtUtc { get; set; }

    public DateTime? ChangedAtUtc { get; set; }

    public string? ChangedBy { get; set; }

    /// <summary>Sets the start month; a month outside 1 to 12 is refused and changes nothing.</summary>
    public RuleResult SetStartMonth(int month, string by, DateTime atUtc)
    {
        if (month is < 1 or > 12)
            return RuleResult.Fail("month-out-of-range", "Choose the month your city's fiscal year starts, January to December.", nameof(FiscalYearStartMonth));
        FiscalYearStartMonth = month;
        ChangedBy = by;
        ChangedAtUtc = atUtc;
        return RuleResult.Ok();
    }

    /// <summary>Records that <paramref name="cityYear"/>'s notice was queued.</summary>
    public void Noticed(FiscalYear cityYear, DateTime atUtc)
    {
        LastNoticedCityYear = cityYear.Year;
        LastNoticedAtUtc = atUtc;
    }
}

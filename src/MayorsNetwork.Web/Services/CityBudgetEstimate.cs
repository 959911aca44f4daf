using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// What a member city sees of next year's dues (issue 14): its fiscal-year start month, its next fiscal year, the day
/// its budget notice is due, and the estimate of the association's dues its next budget will pay (null when no
/// schedule is in force).
/// </summary>
public sealed record CityBudgetEstimate(int StartMonth, bool MonthRecorded, FiscalYear CityYear, DateOnly NoticeOn, DuesComparison? Estimate)
{
    public string StartMonthName => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(StartMonth);
}

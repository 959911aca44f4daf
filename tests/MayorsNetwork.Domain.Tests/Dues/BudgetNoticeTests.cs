using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>
/// Next year's dues reach a city 150 days before its own fiscal year starts, once per year. A July city's FY 2027
/// starts July 1, 2026: its notice is due from February 1, 2026.
/// </summary>
public class BudgetNoticeTests
{
    private const int Days = BudgetNotice.DefaultNoticeDays;

    [Theory]
    [InlineData("2026-01-31", null)]
    [InlineData("2026-02-01", 2027)]
    [InlineData("2026-06-30", 2027)] // a worker that was down catches up until the year starts
    [InlineData("2026-07-01", null)] // FY 2027 has started; FY 2028's notice is due February 1, 2027
    [InlineData("2027-01-31", null)]
    [InlineData("2027-02-01", 2028)]
    public void A_July_city_is_told_from_150_days_before_July_1(string today, int? cityYear)
    {
        var due = BudgetNotice.DueOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), BudgetNotice.DefaultCityStartMonth, Days, null);

        Assert.Equal(cityYear, due?.Year);
    }

    [Fact]
    public void The_notice_goes_once_per_city_year()
    {
        var today = new DateOnly(2026, 3, 1);

        Assert.Equal(2027, BudgetNotice.DueOn(today, 7, Days, lastNoticedCityYear: 2026)!.Value.Year);
        Assert.Null(BudgetNotice.DueOn(today, 7, Days, lastNoticedCityYear: 2027));
        Assert.Equal(2028, BudgetNotice.DueOn(new DateOnly(2027, 2, 1), 7, Days, lastNoticedCityYear: 2027)!.Value.Year);
    }

    [Fact]
    public void A_calendar_year_city_is_told_from_August_4()
    {
        var next = new FiscalYear(2027, 1);

        Assert.Equal(new DateOnly(2026, 8, 4), BudgetNotice.NoticeDate(next, Days));
        Assert.Null(BudgetNotice.DueOn(new DateOnly(2026, 8, 3), 1, Days, null));
        Assert.Equal(next, BudgetNotice.DueOn(new DateOnly(2026, 8, 4), 1, Days, null));
        Assert.Equal(next, BudgetNotice.DueOn(new DateOnly(2026, 12, 31), 1, Days, null));
    }

    [Fact]
    public void On_the_first_day_of_a_citys_year_its_next_year_is_a_year_away()
    {
        Assert.Equal(new FiscalYear(2028, 7), BudgetNotice.NextCityYear(new DateOnly(2026, 7, 1), 7));
        Assert.Equal(new FiscalYear(2027, 7), BudgetNotice.NextCityYear(new DateOnly(2026, 6, 30), 7));
        Assert.Equal(new FiscalYear(2027, 10), BudgetNotice.NextCityYear(new DateOnly(2026, 9, 30), 10)); // Florida: October
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Notice_days_outside_1_to_365_are_refused(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetNotice.DueOn(new DateOnly(2026, 3, 1), 7, days, null));
    }

    [Theory]
    [InlineData(7, 2028, 1, 2028)] // July city, July 2027–June 2028, pays our calendar FY 2028 (starts January 2028)
    [InlineData(7, 2028, 7, 2028)] // both July
    [InlineData(1, 2028, 9, 2029)] // League of Minnesota Cities: September; its FY 2029 starts September 2028
    [InlineData(10, 2027, 1, 2027)] // Florida city, October 2026–September 2027: our January 2027 year
    [InlineData(1, 2028, 1, 2028)]
    public void The_dues_quoted_are_those_of_our_fiscal_year_that_starts_in_the_citys(int cityMonth, int cityYear, int ourMonth, int ourYear)
    {
        Assert.Equal(new FiscalYear(ourYear, ourMonth), BudgetNotice.AssociationYearFor(new FiscalYear(cityYear, cityMonth), ourMonth));
    }

    [Fact]
    public void For_every_pair_of_start_months_exactly_our_year_that_starts_in_the_city_year_is_chosen()
    {
        for (var cityMonth = 1; cityMonth <= 12; cityMonth++)
            for (var ourMonth = 1; ourMonth <= 12; ourMonth++)
            {
                var city = new FiscalYear(2028, cityMonth);
                var ours = BudgetNotice.AssociationYearFor(city, ourMonth);
                Assert.InRange(ours.Start, city.Start, city.End);
            }
    }
}

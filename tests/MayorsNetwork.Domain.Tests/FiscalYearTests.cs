namespace MayorsNetwork.Domain.Tests;

/// <summary>A fiscal year is named by the calendar year in which it ends; its start month is a setting.</summary>
public class FiscalYearTests
{
    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 6, 30)]
    [InlineData(2026, 12, 31)]
    public void With_a_January_start_the_fiscal_year_is_the_calendar_year(int year, int month, int day)
    {
        var fy = FiscalYear.Containing(new DateOnly(year, month, day), startMonth: 1);

        Assert.Equal(2026, fy.Year);
        Assert.Equal(new DateOnly(2026, 1, 1), fy.Start);
        Assert.Equal(new DateOnly(2026, 12, 31), fy.End);
    }

    [Fact]
    public void With_a_July_start_June_30_belongs_to_the_year_ending_that_day()
    {
        var fy = FiscalYear.Containing(new DateOnly(2026, 6, 30), startMonth: 7);

        Assert.Equal(2026, fy.Year);
        Assert.Equal(new DateOnly(2025, 7, 1), fy.Start);
        Assert.Equal(new DateOnly(2026, 6, 30), fy.End);
    }

    [Fact]
    public void With_a_July_start_July_1_begins_the_next_fiscal_year()
    {
        var fy = FiscalYear.Containing(new DateOnly(2026, 7, 1), startMonth: 7);

        Assert.Equal(2027, fy.Year);
        Assert.Equal(new DateOnly(2026, 7, 1), fy.Start);
        Assert.Equal(new DateOnly(2027, 6, 30), fy.End);
    }

    [Fact]
    public void With_a_July_start_January_belongs_to_the_year_ending_in_June()
    {
        var fy = FiscalYear.Containing(new DateOnly(2027, 1, 15), startMonth: 7);

        Assert.Equal(2027, fy.Year);
    }

    [Fact]
    public void The_federal_October_start_puts_October_2025_in_fiscal_2026()
    {
        var fy = FiscalYear.Containing(new DateOnly(2025, 10, 1), startMonth: 10);

        Assert.Equal(2026, fy.Year);
        Assert.Equal(new DateOnly(2025, 10, 1), fy.Start);
        Assert.Equal(new DateOnly(2026, 9, 30), fy.End);
    }

    [Fact]
    public void A_fiscal_year_starting_in_March_ends_on_February_29_in_a_leap_year()
    {
        var fy = new FiscalYear(2024, StartMonth: 3);

        Assert.Equal(new DateOnly(2023, 3, 1), fy.Start);
        Assert.Equal(new DateOnly(2024, 2, 29), fy.End);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(12)]
    public void Every_day_of_a_fiscal_year_lies_between_its_start_and_end(int startMonth)
    {
        // Walk two calendar years a day at a time: each day's fiscal year must contain it,
        // and the year changes exactly on the first day of the start month.
        for (var date = new DateOnly(2025, 1, 1); date <= new DateOnly(2026, 12, 31); date = date.AddDays(1))
        {
            var fy = FiscalYear.Containing(date, startMonth);
            Assert.InRange(date, fy.Start, fy.End);
            var yesterday = FiscalYear.Containing(date.AddDays(-1), startMonth);
            var startsToday = date.Month == startMonth && date.Day == 1;
            Assert.Equal(startsToday ? yesterday.Year + 1 : yesterday.Year, fy.Year);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void A_start_month_outside_1_to_12_throws(int startMonth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.Containing(new DateOnly(2026, 7, 1), startMonth));
    }

    [Fact]
    public void A_calendar_fiscal_year_is_written_FY_and_the_year()
    {
        Assert.Equal("FY 2026", new FiscalYear(2026, 1).ToString());
    }

    [Fact]
    public void A_July_fiscal_year_is_written_with_its_months()
    {
        using var _ = new CultureScope("en-US");

        Assert.Equal("FY 2027 (Jul 2026 – Jun 2027)", new FiscalYear(2027, 7).ToString());
    }
}

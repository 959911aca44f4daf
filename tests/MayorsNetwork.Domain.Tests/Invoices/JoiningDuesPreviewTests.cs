using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// What the dues calculator and /join show: the dues of the year a first invoice would be for if approved today,
/// and why. A city of 60,000: $1,200 in FY 2026, $1,300 in FY 2027 when that schedule exists.
/// </summary>
public class JoiningDuesPreviewTests
{
    private static readonly DuesSchedule ThisYear = DefaultDuesSchedules.IcleiUsaTiers(2026);
    private static readonly DuesSchedule NextYear = FirstYearBillingTests.NextYearSchedule(2027);

    [Fact]
    public void In_the_rollover_window_next_years_dues_are_shown_with_the_reason()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 10, 1), 1, FirstYearTerms.Default, 60_000, ThisYear, NextYear);

        Assert.True(preview.RollsOver);
        Assert.Equal(2027, preview.ShownYear.Year);
        Assert.Equal(1_300.00m, preview.Quote.FullAmount);
        Assert.Equal(975.00m, preview.FirstInvoice.Total);
        Assert.Equal(
            "Applications approved from October 1, 2026 are invoiced for FY 2027, and membership runs from approval to December 31, 2027. These are FY 2027's dues.",
            preview.Explanation);
    }

    [Fact]
    public void In_the_rollover_window_without_next_years_schedule_this_years_dues_are_shown_with_a_warning()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 12, 31), 1, FirstYearTerms.Default, 60_000, ThisYear, null);

        Assert.True(preview.RollsOver);
        Assert.True(preview.NextScheduleMissing);
        Assert.Equal(2027, preview.ShownYear.Year);
        Assert.Equal(1_200.00m, preview.Quote.FullAmount);
        Assert.Equal(
            "Applications approved from October 1, 2026 are invoiced for FY 2027, and membership runs from approval to December 31, 2027. " +
            "FY 2027's dues are not set yet: these are the dues in force now, which apply until they are, so the invoice may differ.",
            preview.Explanation);
    }

    [Fact]
    public void Before_the_window_this_years_dues_are_shown_and_the_window_is_announced()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 9, 30), 1, FirstYearTerms.Default, 60_000, ThisYear, NextYear);

        Assert.False(preview.RollsOver);
        Assert.Equal(2026, preview.ShownYear.Year);
        Assert.Equal(1_200.00m, preview.Quote.FullAmount);
        Assert.Equal("These are FY 2026's dues. Applications approved from October 1, 2026 are invoiced for FY 2027 instead.", preview.Explanation);
    }

    [Fact]
    public void A_July_fiscal_year_rolls_over_from_April()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 4, 1), 7, FirstYearTerms.Default, 60_000, ThisYear, NextYear);

        Assert.Equal(2027, preview.ShownYear.Year);
        Assert.StartsWith("Applications approved from April 1, 2026 are invoiced for FY 2027, and membership runs from approval to June 30, 2027.",
            preview.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_Prorated_the_whole_year_and_the_prorated_first_invoice_are_both_shown()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 9, 15), 1, new FirstYearTerms(FirstYearPolicy.Prorated), 60_000, ThisYear, NextYear);

        Assert.Equal(2026, preview.ShownYear.Year);
        Assert.Equal(1_200.00m, preview.Quote.FullAmount);
        Assert.Equal(
            "These are FY 2026's dues for a whole year. Approved today, the first invoice would charge the 3 whole months left: $300.00, $225.00 after the new-member discount.",
            preview.Explanation);
    }

    [Fact]
    public void Under_Prorated_with_no_whole_month_left_next_years_dues_are_shown()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 12, 2), 1, new FirstYearTerms(FirstYearPolicy.Prorated), 60_000, ThisYear, NextYear);

        Assert.Equal(2027, preview.ShownYear.Year);
        Assert.Equal(
            "No whole month of FY 2026 is left, so applications approved now are invoiced for FY 2027, and membership runs from approval to December 31, 2027. These are FY 2027's dues.",
            preview.Explanation);
    }

    [Fact]
    public void Under_Full_this_years_dues_are_shown_all_year()
    {
        var preview = JoiningDuesPreview.For(new DateOnly(2026, 12, 31), 1, new FirstYearTerms(FirstYearPolicy.Full), 60_000, ThisYear, NextYear);

        Assert.Equal(2026, preview.ShownYear.Year);
        Assert.Equal("These are FY 2026's dues.", preview.Explanation);
    }
}

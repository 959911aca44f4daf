using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>
/// A member's dues this year and next, and the preview's totals by bracket. Dublin, CA passed 20,000 and its
/// league dues rose from $2,089 to $2,615 (product.md): a two-tier table reproduces it.
/// </summary>
public class DuesComparisonTests
{
    private static DuesSchedule League(int fiscalYear, decimal under = 2_089m, decimal over = 2_615m) => new()
    {
        FiscalYear = fiscalYear,
        Name = "State league",
        Kind = DuesScheduleKind.FlatTiers,
        Brackets =
        [
            new DuesBracket { MinPopulation = 0, MaxPopulation = 20_000, BaseAmount = under },
            new DuesBracket { MinPopulation = 20_000, BaseAmount = over },
        ],
    };

    [Fact]
    public void Dublin_passing_20_000_moves_up_a_bracket_and_pays_526_more()
    {
        var c = DuesComparison.For(2026, 19_950, 20_115, League(2026), League(2027));

        Assert.Equal(2_089m, c.ThisYear.FullAmount);
        Assert.Equal(2_615m, c.NextYear.FullAmount);
        Assert.Equal(526m, c.Difference);
        Assert.Equal(25.2m, c.PercentChange); // 526 / 2,089 = 25.18 %
        Assert.True(c.BracketChanged);
        Assert.False(c.NextScheduleMissing);
        Assert.Equal(0m, c.ThisYear.Discount);
        Assert.Equal(
            "FY 2027 dues: $2,615.00, $526.00 more than FY 2026 ($2,089.00). With a population of 20,115 the bracket changes from 0 to 19,999 to 20,000 and over.",
            c.Explain());
    }

    [Fact]
    public void The_same_bracket_under_the_same_schedule_is_the_same_amount()
    {
        var c = DuesComparison.For(2026, 12_000, 12_500, League(2026), League(2027));

        Assert.Equal(0m, c.Difference);
        Assert.False(c.BracketChanged);
        Assert.Equal("FY 2027 dues: $2,089.00, the same as FY 2026.", c.Explain());
    }

    [Fact]
    public void A_city_that_shrinks_below_a_tier_pays_less()
    {
        var c = DuesComparison.For(2026, 20_010, 19_990, League(2026), League(2027));

        Assert.Equal(-526m, c.Difference);
        Assert.Equal(-20.1m, c.PercentChange);
        Assert.StartsWith("FY 2027 dues: $2,089.00, $526.00 less than FY 2026 ($2,615.00).", c.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_schedule_changes_the_amount_without_a_population_change()
    {
        var c = DuesComparison.For(2026, 15_000, 15_000, League(2026), League(2027, under: 2_200m));

        Assert.Equal(111m, c.Difference);
        Assert.False(c.BracketChanged);
    }

    [Fact]
    public void Without_next_years_schedule_the_estimate_uses_the_one_in_force_and_says_so()
    {
        var c = DuesComparison.For(2026, 19_950, 20_115, League(2025), null);

        Assert.True(c.NextScheduleMissing);
        Assert.Equal(526m, c.Difference);
        Assert.EndsWith("FY 2027's dues schedule is not set yet: this estimate uses the schedule in force and may change.", c.Explain(), StringComparison.Ordinal);
        Assert.True(DuesComparison.For(2026, 1, 1, League(2026), League(2026)).NextScheduleMissing);
    }

    [Fact]
    public void Per_capita_dues_change_with_the_population_in_one_bracket()
    {
        // USCM historical: 334,000 × $0.0494 = $16,499.60; 340,000 × $0.0494 = $16,796.00.
        var c = DuesComparison.For(2026, 334_000, 340_000, DefaultDuesSchedules.UscmPerCapita(2026), DefaultDuesSchedules.UscmPerCapita(2027));

        Assert.Equal(296.40m, c.Difference);
        Assert.False(c.BracketChanged);
    }

    [Fact]
    public void The_preview_totals_each_bracket_this_year_and_next_and_counts_the_moves()
    {
        var members = new[]
        {
            DuesComparison.For(2026, 19_950, 20_115, League(2026), League(2027)), // moves up
            DuesComparison.For(2026, 12_000, 12_000, League(2026), League(2027)), // stays under
            DuesComparison.For(2026, 25_000, 26_000, League(2026), League(2027)), // stays over
            DuesComparison.For(2026, 20_010, 19_990, League(2026), League(2027)), // moves down
            DuesComparison.For(2026, 30_000, 31_000, League(2026), League(2027)), // stays over
        };

        var preview = DuesPreview.Build(members, League(2026), League(2027));

        Assert.Collection(preview.Rows,
            under =>
            {
                Assert.Equal("0 to 19,999", under.Bracket);
                Assert.Equal(2, under.MembersThisYear); // 19,950 and 12,000
                Assert.Equal(2, under.MembersNextYear); // 12,000 and 19,990
                Assert.Equal(4_178m, under.DuesThisYear);
                Assert.Equal(4_178m, under.DuesNextYear);
                Assert.Equal(1, under.MovingIn);
                Assert.Equal(1, under.MovingOut);
            },
            over =>
            {
                Assert.Equal("20,000 and over", over.Bracket);
                Assert.Equal(3, over.MembersThisYear);
                Assert.Equal(3, over.MembersNextYear);
                Assert.Equal(7_845m, over.DuesThisYear);
                Assert.Equal(0m, over.Difference);
            });
        Assert.Equal(5, preview.Members);
        Assert.Equal(12_023m, preview.TotalThisYear);
        Assert.Equal(12_023m, preview.TotalNextYear);
        Assert.Equal(1, preview.PayMore);
        Assert.Equal(1, preview.PayLess);
        Assert.Equal(3, preview.PaySame);
        Assert.Equal(2, preview.ChangeBracket);
    }

    [Fact]
    public void The_preview_lists_brackets_in_population_order_even_when_only_one_year_uses_them()
    {
        var next = DefaultDuesSchedules.IcleiUsaTiers(2027);
        var members = new[]
        {
            DuesComparison.For(2026, 4_100_000, 4_200_000, DefaultDuesSchedules.IcleiUsaTiers(2026), next),
            DuesComparison.For(2026, 49_000, 51_000, DefaultDuesSchedules.IcleiUsaTiers(2026), next),
        };

        var preview = DuesPreview.Build(members, DefaultDuesSchedules.IcleiUsaTiers(2026), next);

        Assert.Equal(["0 to 49,999", "50,000 to 99,999", "4,000,000 and over"], preview.Rows.Select(r => r.Bracket));
        Assert.Equal(0, preview.Rows[1].MembersThisYear);
        Assert.Equal(1, preview.Rows[1].MovingIn);
        Assert.Equal(600m, preview.Difference);
    }
}

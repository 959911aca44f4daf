using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>USCM's historical per-capita dues: $0.0494 a resident, at least $1,500, at most $250,000.</summary>
public class PerCapitaDuesTests
{
    private static readonly DuesSchedule Schedule = DefaultDuesSchedules.UscmPerCapita(2006);

    [Fact]
    public void Santa_Ana_with_334_000_residents_pays_16_499_60()
    {
        // 334,000 × 0.0494 = 334 × 49.4 = 16,499.60.
        var quote = Schedule.Quote(334_000, newMember: false);

        Assert.Equal(16_499.60m, quote.FullAmount);
        Assert.Equal(16_499.60m, quote.Amount);
    }

    [Fact]
    public void Santa_Ana_comes_within_10_dollars_of_what_it_really_paid_in_2006()
    {
        // product.md: Santa Ana, about 334,000 residents, paid $16,506 in 2006. The population is
        // approximate, so the rate cannot reproduce it to the cent: 16,506 − 16,499.60 = 6.40.
        const decimal paidIn2006 = 16_506m;

        var quote = Schedule.Quote(334_000, newMember: false);

        Assert.InRange(Math.Abs(quote.FullAmount - paidIn2006), 0m, 10m);
    }

    [Fact]
    public void The_formula_shows_population_times_rate_and_the_bracket_shows_minimum_and_maximum()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(334_000, newMember: false);

        Assert.Equal("334,000 × $0.0494 per resident = $16,499.60", quote.Formula);
        Assert.Equal("Per capita, minimum $1,500.00, maximum $250,000.00", quote.Bracket);
    }

    [Theory]
    // 0 × 0.0494 = 0 → raised to 1,500.
    [InlineData(0)]
    // 10,000 × 0.0494 = 494.00 → raised to 1,500.
    [InlineData(10_000)]
    // 30,364 × 0.0494 = 1,482 + 364 × 0.0494 = 1,482 + 17.9816 = 1,499.9816 → raised to 1,500.
    [InlineData(30_364)]
    public void A_small_population_is_raised_to_the_minimum(int population)
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(population, newMember: false);

        Assert.Equal(1_500.00m, quote.FullAmount);
        Assert.Contains("raised to the minimum of $1,500.00", quote.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formula_of_a_raised_amount_still_shows_the_arithmetic()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(10_000, newMember: false);

        Assert.Equal("10,000 × $0.0494 per resident = $494.00, raised to the minimum of $1,500.00", quote.Formula);
    }

    [Fact]
    public void One_resident_above_the_minimum_threshold_pays_per_capita()
    {
        using var _ = new CultureScope("en-US");

        // 30,365 × 0.0494 = 1,499.9816 + 0.0494 = 1,500.0310 → 1,500.03.
        var quote = Schedule.Quote(30_365, newMember: false);

        Assert.Equal(1_500.03m, quote.FullAmount);
        Assert.DoesNotContain("minimum", quote.Formula, StringComparison.Ordinal);
        Assert.DoesNotContain("maximum", quote.Formula, StringComparison.Ordinal);
    }

    [Theory]
    // 10,000,000 × 0.0494 = 494,000 → capped at 250,000.
    [InlineData(10_000_000)]
    // 5,060,729 × 0.0494 = 247,000 + 60,729 × 0.0494 = 247,000 + 3,000.0126 = 250,000.0126 → capped.
    [InlineData(5_060_729)]
    public void A_huge_population_is_capped_at_the_maximum(int population)
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(population, newMember: false);

        Assert.Equal(250_000.00m, quote.FullAmount);
        Assert.Contains("capped at the maximum of $250,000.00", quote.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Just_under_the_maximum_threshold_is_not_capped()
    {
        using var _ = new CultureScope("en-US");

        // 5,060,728 × 0.0494 = 247,000 + 60,728 × 0.0494 = 247,000 + 2,999.9632 = 249,999.9632 → 249,999.96.
        var quote = Schedule.Quote(5_060_728, newMember: false);

        Assert.Equal(249_999.96m, quote.FullAmount);
        Assert.DoesNotContain("maximum", quote.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_maximum_a_huge_population_pays_the_full_rate()
    {
        var schedule = new DuesSchedule
        {
            Name = "Per capita, no cap",
            Kind = DuesScheduleKind.PerCapita,
            PerCapitaRate = 0.0494m,
            MinimumAmount = 1_500m,
            MaximumAmount = null,
        };

        // 10,000,000 × 0.0494 = 494,000.
        Assert.Equal(494_000.00m, schedule.Quote(10_000_000, newMember: false).FullAmount);
    }
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>
/// League of Minnesota Cities 2017–18 shape (product.md, "Dues"): a base amount plus a rate per resident,
/// per bracket. Every expected figure below is worked out by hand in its comment.
/// </summary>
public class BasePlusPerCapitaDuesTests
{
    private static readonly DuesSchedule Schedule = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018);

    public static TheoryData<int, decimal> Figures => new()
    {
        // 249 or fewer: flat $396.
        { 0, 396.00m },
        { 249, 396.00m },
        // 250–4,999: $138 + $1.0456 × 250 = 138 + 261.40 = 399.40.
        { 250, 399.40m },
        // $138 + $1.0456 × 4,999 = 138 + (5,228 − 1.0456) = 138 + 5,226.9544 = 5,364.9544 → 5,364.95.
        { 4_999, 5_364.95m },
        // Interpolated row (5,000–19,999): $1,518 + $0.7696 × 5,000 = 1,518 + 3,848 = 5,366.00,
        // the same as the row below would give at 5,000: 138 + 1.0456 × 5,000 = 138 + 5,228 = 5,366.
        { 5_000, 5_366.00m },
        // $1,518 + $0.7696 × 19,999 = 1,518 + (15,392 − 0.7696) = 1,518 + 15,391.2304 = 16,909.2304 → 16,909.23.
        { 19_999, 16_909.23m },
        // 20,000–49,999: $8,074 + $0.4418 × 20,000 = 8,074 + 8,836 = 16,910.00.
        { 20_000, 16_910.00m },
        // $8,074 + $0.4418 × 49,999 = 8,074 + (22,090 − 0.4418) = 8,074 + 22,089.5582 = 30,163.5582 → 30,163.56.
        { 49_999, 30_163.56m },
        // 50,000–299,999: $23,900 + $0.1254 × 50,000 = 23,900 + 6,270 = 30,170.00.
        { 50_000, 30_170.00m },
        // $23,900 + $0.1254 × 299,999 = 23,900 + (37,620 − 0.1254) = 23,900 + 37,619.8746 = 61,519.8746 → 61,519.87.
        { 299_999, 61_519.87m },
        // 300,000 and over: $40,251 + $0.0709 × 300,000 = 40,251 + 21,270 = 61,521.00.
        { 300_000, 61_521.00m },
        // $40,251 + $0.0709 × 1,000,000 = 40,251 + 70,900 = 111,151.00.
        { 1_000_000, 111_151.00m },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void A_population_pays_the_base_plus_the_rate_per_resident_of_its_bracket(int population, decimal expected)
    {
        var quote = Schedule.Quote(population, newMember: false);

        Assert.Equal(expected, quote.FullAmount);
        Assert.Equal(expected, quote.Amount);
    }

    [Fact]
    public void A_population_of_249_pays_the_flat_396_and_the_formula_says_so()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(249, newMember: false);

        Assert.Equal(396.00m, quote.Amount);
        Assert.Equal("0 to 249", quote.Bracket);
        Assert.Equal("Flat amount for this bracket: $396.00", quote.Formula);
    }

    [Fact]
    public void The_formula_shows_base_plus_population_times_rate()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(250, newMember: false);

        Assert.Equal("250 to 4,999", quote.Bracket);
        Assert.Equal("$138.00 + 250 × $1.0456 per resident = $399.40", quote.Formula);
    }

    [Fact]
    public void The_formula_shows_the_amount_rounded_to_cents()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(4_999, newMember: false);

        Assert.Equal("$138.00 + 4,999 × $1.0456 per resident = $5,364.95", quote.Formula);
    }

    [Fact]
    public void The_top_bracket_is_open_ended()
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(300_000, newMember: false);

        Assert.Equal("300,000 and over", quote.Bracket);
        Assert.Equal("$40,251.00 + 300,000 × $0.0709 per resident = $61,521.00", quote.Formula);
    }
}

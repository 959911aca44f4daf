using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>The ICLEI USA tier table (product.md, "Dues"): half-open ranges, min &lt;= population &lt; max.</summary>
public class FlatTierDuesTests
{
    private static readonly DuesSchedule Schedule = DefaultDuesSchedules.IcleiUsaTiers(2026);

    [Theory]
    [InlineData(0, 600)]
    [InlineData(1, 600)]
    [InlineData(49_999, 600)]
    [InlineData(50_000, 1_200)]
    [InlineData(50_001, 1_200)]
    [InlineData(99_999, 1_200)]
    [InlineData(100_000, 1_750)]
    [InlineData(199_999, 1_750)]
    [InlineData(200_000, 2_250)]
    [InlineData(299_999, 2_250)]
    [InlineData(300_000, 2_750)]
    [InlineData(499_999, 2_750)]
    [InlineData(500_000, 3_500)]
    [InlineData(749_999, 3_500)]
    [InlineData(750_000, 4_500)]
    [InlineData(999_999, 4_500)]
    [InlineData(1_000_000, 5_750)]
    [InlineData(1_999_999, 5_750)]
    [InlineData(2_000_000, 7_000)]
    [InlineData(3_999_999, 7_000)]
    [InlineData(4_000_000, 8_000)]
    [InlineData(50_000_000, 8_000)]
    public void A_population_pays_the_amount_of_the_tier_it_falls_in(int population, int expectedDollars)
    {
        var quote = Schedule.Quote(population, newMember: false);

        Assert.Equal(expectedDollars, quote.FullAmount);
        Assert.Equal(0m, quote.Discount);
        Assert.Equal(expectedDollars, quote.Amount);
        Assert.Equal(population, quote.Population);
        Assert.Equal(2026, quote.FiscalYear);
    }

    [Fact]
    public void A_population_of_49_999_pays_600_and_one_more_resident_pays_1_200()
    {
        Assert.Equal(600m, Schedule.Quote(49_999, newMember: false).Amount);
        Assert.Equal(1_200m, Schedule.Quote(50_000, newMember: false).Amount);
    }

    [Theory]
    [InlineData(0, "0 to 49,999", "$600.00")]
    [InlineData(49_999, "0 to 49,999", "$600.00")]
    [InlineData(50_000, "50,000 to 99,999", "$1,200.00")]
    [InlineData(50_001, "50,000 to 99,999", "$1,200.00")]
    [InlineData(1_999_999, "1,000,000 to 1,999,999", "$5,750.00")]
    [InlineData(4_000_000, "4,000,000 and over", "$8,000.00")]
    [InlineData(50_000_000, "4,000,000 and over", "$8,000.00")]
    public void The_quote_names_the_bracket_and_the_flat_amount(int population, string bracket, string amount)
    {
        using var _ = new CultureScope("en-US");

        var quote = Schedule.Quote(population, newMember: false);

        Assert.Equal(bracket, quote.Bracket);
        Assert.Contains(amount, quote.Formula, StringComparison.Ordinal);
        Assert.StartsWith("Flat amount", quote.Formula, StringComparison.Ordinal);
    }
}

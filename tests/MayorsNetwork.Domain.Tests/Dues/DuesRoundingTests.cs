using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>
/// Money is rounded to whole cents half away from zero (product.md), not to even (banker's rounding,
/// the default of Math.Round). Each half-cent case below is one where the two rules disagree.
/// </summary>
public class DuesRoundingTests
{
    private static DuesSchedule PerCapitaAt(decimal rate) => new()
    {
        Name = "Rounding probe",
        Kind = DuesScheduleKind.PerCapita,
        PerCapitaRate = rate,
        MinimumAmount = 0m,
        MaximumAmount = null,
    };

    [Fact]
    public void Half_a_cent_rounds_up_to_one_cent()
    {
        // 1 × 0.005 = 0.005 → 0.01 (to even would give 0.00).
        Assert.Equal(0.01m, PerCapitaAt(0.005m).Quote(1, newMember: false).FullAmount);
    }

    [Fact]
    public void Just_under_half_a_cent_rounds_down()
    {
        // 2,499 × 0.00001 = 0.02499 → 0.02.
        Assert.Equal(0.02m, PerCapitaAt(0.00001m).Quote(2_499, newMember: false).FullAmount);
    }

    [Fact]
    public void Two_and_a_half_cents_rounds_up_to_three()
    {
        // 2,500 × 0.00001 = 0.025 → 0.03 (to even would give 0.02).
        Assert.Equal(0.03m, PerCapitaAt(0.00001m).Quote(2_500, newMember: false).FullAmount);
    }

    [Fact]
    public void A_raw_amount_of_2_345_is_charged_2_35()
    {
        // 4,690 × 0.0005 = 2.345 → 2.35 (to even would give 2.34).
        Assert.Equal(2.35m, PerCapitaAt(0.0005m).Quote(4_690, newMember: false).FullAmount);
    }

    [Fact]
    public void A_raw_amount_of_2_335_is_charged_2_34()
    {
        // 4,670 × 0.0005 = 2.335 → 2.34.
        Assert.Equal(2.34m, PerCapitaAt(0.0005m).Quote(4_670, newMember: false).FullAmount);
    }

    [Fact]
    public void A_raw_amount_of_0_125_is_charged_0_13()
    {
        // 250 × 0.0005 = 0.125 → 0.13 (to even would give 0.12).
        Assert.Equal(0.13m, PerCapitaAt(0.0005m).Quote(250, newMember: false).FullAmount);
    }

    [Fact]
    public void The_formula_shows_the_same_rounded_figure_as_the_amount()
    {
        using var _ = new CultureScope("en-US");

        var quote = PerCapitaAt(0.0005m).Quote(4_690, newMember: false);

        Assert.Equal("4,690 × $0.0005 per resident = $2.35", quote.Formula);
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.335", "2.34")]
    [InlineData("0.125", "0.13")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("2.3449999", "2.34")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("5364.9544", "5364.95")]
    [InlineData("1341.2375", "1341.24")]
    [InlineData("1200", "1200.00")]
    public void Money_to_cents_rounds_half_away_from_zero(string amount, string expected)
    {
        // decimal cannot be an attribute argument; the strings are parsed with the invariant culture.
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var cents = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(cents, Money.ToCents(value));
    }

    [Theory]
    [InlineData("1200", "$1,200.00")]
    [InlineData("16499.6", "$16,499.60")]
    [InlineData("0", "$0.00")]
    [InlineData("250000", "$250,000.00")]
    public void Money_is_formatted_as_dollars_with_thousands_separators_whatever_the_culture(string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        using (new CultureScope("de-DE"))
            Assert.Equal(expected, Money.Format(value));
        using (new CultureScope("en-US"))
            Assert.Equal(expected, Money.Format(value));
    }
}

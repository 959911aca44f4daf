using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>
/// Vote weights by population. NLC: under 50,000: 1; 50,000–99,999: 2; 100,000–199,999: 4; then 2 more per 100,000,
/// up to 20 at 900,000 and over. A staff table must start at 0, meet without gaps or overlaps, end open, and weigh 1 or more.
/// </summary>
public class WeightTableTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(49_999, 1)]
    [InlineData(50_000, 2)]
    [InlineData(99_999, 2)]
    [InlineData(100_000, 4)]
    [InlineData(199_999, 4)]
    [InlineData(200_000, 6)]
    [InlineData(299_999, 6)]
    [InlineData(300_000, 8)]
    [InlineData(399_999, 8)]
    [InlineData(400_000, 10)]
    [InlineData(499_999, 10)]
    [InlineData(500_000, 12)]
    [InlineData(599_999, 12)]
    [InlineData(600_000, 14)]
    [InlineData(699_999, 14)]
    [InlineData(700_000, 16)]
    [InlineData(799_999, 16)]
    [InlineData(800_000, 18)]
    [InlineData(899_999, 18)]
    [InlineData(900_000, 20)]
    [InlineData(8_804_190, 20)] // New York City
    public void Every_tier_boundary_of_the_NLC_table(int population, int weight)
    {
        Assert.Equal(weight, WeightTable.Nlc().WeightFor(population));
    }

    [Fact]
    public void The_NLC_table_is_valid_and_has_eleven_tiers()
    {
        var table = WeightTable.Nlc();

        Assert.Empty(table.Validate());
        Assert.Equal(11, table.Tiers.Count);
        Assert.Equal("under 50,000", table.Tiers[0].Describe());
        Assert.Equal("100,000 to 199,999", table.Tiers[2].Describe());
        Assert.Equal("900,000 and over", table.Tiers[^1].Describe());
    }

    [Fact]
    public void Tiers_entered_in_any_order_are_sorted()
    {
        var table = new WeightTable([new WeightTier(100_000, null, 3), new WeightTier(0, 100_000, 1)]);

        Assert.Empty(table.Validate());
        Assert.Equal(3, table.WeightFor(100_000));
        Assert.Equal(1, table.WeightFor(99_999));
    }

    [Fact]
    public void A_gap_is_refused_with_the_populations_it_leaves_out()
    {
        var errors = new WeightTable([new WeightTier(0, 50_000, 1), new WeightTier(60_000, null, 2)]).Validate();

        Assert.Equal(new RuleError(WeightTable.Gap, "No tier covers populations 50,000 to 59,999.", "Tiers"), Assert.Single(errors));
    }

    [Fact]
    public void An_overlap_is_refused()
    {
        var errors = new WeightTable([new WeightTier(0, 60_000, 1), new WeightTier(50_000, null, 2)]).Validate();

        Assert.Equal(WeightTable.Overlap, Assert.Single(errors).Code);
        Assert.Equal("Tiers under 60,000 and 50,000 and over overlap.", errors[0].Message);
    }

    [Fact]
    public void An_open_tier_before_the_last_overlaps_everything_after_it()
    {
        var errors = new WeightTable([new WeightTier(0, null, 1), new WeightTier(50_000, null, 2)]).Validate();

        Assert.Contains(errors, e => e.Code == WeightTable.Overlap);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1_001)]
    public void Weights_must_be_from_1_to_1000(int weight)
    {
        var errors = new WeightTable([new WeightTier(0, 50_000, 1), new WeightTier(50_000, null, weight)]).Validate();

        Assert.Equal(WeightTable.BadWeight, Assert.Single(errors).Code);
    }

    [Fact]
    public void The_first_tier_starts_at_zero_and_the_last_is_open()
    {
        var errors = new WeightTable([new WeightTier(10, 50_000, 1), new WeightTier(50_000, 90_000, 2)]).Validate();

        Assert.Equal([WeightTable.FirstNotZero, WeightTable.NotOpenEnded], errors.Select(e => e.Code));
    }

    [Fact]
    public void A_tier_whose_upper_bound_is_not_above_its_lower_is_refused()
    {
        var errors = new WeightTable([new WeightTier(0, 0, 1), new WeightTier(0, null, 2)]).Validate();

        Assert.Contains(errors, e => e.Code == WeightTable.BadRange);
    }

    [Fact]
    public void An_empty_table_is_refused()
    {
        Assert.Equal(WeightTable.Empty, Assert.Single(new WeightTable([]).Validate()).Code);
    }
}

namespace MayorsNetwork.Domain.Tests;

/// <summary>Population bands: half-open ranges, described in words, checked for overlaps and gaps as a set.</summary>
public class PopulationBandTests
{
    [Theory]
    [InlineData(0, 100_000, "under 100,000")]
    [InlineData(100_000, null, "100,000 or more")]
    [InlineData(50_000, 100_000, "50,000 to 99,999")]
    public void A_band_is_described_as_people_say_it(int min, int? max, string text)
    {
        Assert.Equal(text, new PopulationBand(min, max).Describe());
    }

    [Fact]
    public void The_upper_bound_belongs_to_the_next_band()
    {
        var under = new PopulationBand(0, 100_000);

        Assert.True(under.Contains(99_999));
        Assert.False(under.Contains(100_000));
        Assert.True(new PopulationBand(100_000, null).Contains(100_000));
        Assert.True(new PopulationBand(100_000, null).Contains(int.MaxValue));
    }

    [Fact]
    public void The_showcase_filters_cover_every_population_once()
    {
        Assert.Empty(PopulationBand.CheckSet(PopulationBand.Filters, "Band"));
        Assert.Equal(0, PopulationBand.Filters[0].MinPopulation);
        Assert.Null(PopulationBand.Filters[^1].MaxPopulation);
        foreach (var p in new[] { 0, 49_999, 50_000, 249_999, 250_000, 999_999, 1_000_000, 8_804_190 })
            Assert.Single(PopulationBand.Filters, b => b.Contains(p));
    }

    [Theory]
    [InlineData("0-49999", 0, 50_000)]
    [InlineData("1000000-", 1_000_000, null)]
    public void A_band_has_a_key_for_addresses_that_reads_back(string key, int min, int? max)
    {
        Assert.True(PopulationBand.TryParseKey(key, out var band));
        Assert.Equal(new PopulationBand(min, max), band);
        Assert.Equal(key, band.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("100-50")]
    [InlineData("-5-10")]
    [InlineData("1-2-3")]
    [InlineData("1,000-2,000")]
    public void A_bad_key_is_refused(string? key)
    {
        Assert.False(PopulationBand.TryParseKey(key, out _));
    }

    [Fact]
    public void Bands_may_start_above_zero_and_end_bounded_but_must_meet()
    {
        Assert.Empty(PopulationBand.CheckSet([new(30_000, 100_000), new(100_000, 500_000)], "Categories"));

        var gap = PopulationBand.CheckSet([new(0, 100_000), new(150_000, null)], "Categories");
        Assert.Equal(new RuleError(PopulationBand.Gap, "No band covers populations 100,000 to 149,999.", "Categories"), Assert.Single(gap));

        var overlap = PopulationBand.CheckSet([new(0, 100_000), new(90_000, null)], "Categories");
        Assert.Equal("The bands under 100,000 and 90,000 or more overlap.", Assert.Single(overlap).Message);

        Assert.Equal(PopulationBand.Overlap, Assert.Single(PopulationBand.CheckSet([new(0, null), new(100_000, null)], "C")).Code);
        Assert.Equal(PopulationBand.BadRange, Assert.Single(PopulationBand.CheckSet([new(100, 100)], "C")).Code);
        Assert.Equal(PopulationBand.Empty, Assert.Single(PopulationBand.CheckSet([], "C")).Code);
    }
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>A schedule is usable only if its brackets start at 0, meet without gaps or overlaps and end open.</summary>
public class DuesScheduleValidationTests
{
    private static DuesSchedule Flat(params DuesBracket[] brackets) => new()
    {
        Name = "Test tiers",
        Kind = DuesScheduleKind.FlatTiers,
        Brackets = [.. brackets],
    };

    private static DuesBracket Tier(int min, int? max, decimal amount) =>
        new() { MinPopulation = min, MaxPopulation = max, BaseAmount = amount };

    private static DuesSchedule PerCapita(decimal rate, decimal minimum, decimal? maximum) => new()
    {
        Name = "Test per capita",
        Kind = DuesScheduleKind.PerCapita,
        PerCapitaRate = rate,
        MinimumAmount = minimum,
        MaximumAmount = maximum,
    };

    [Fact]
    public void The_default_schedules_are_valid()
    {
        Assert.Empty(DefaultDuesSchedules.IcleiUsaTiers(2026).Validate());
        Assert.Empty(DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2026).Validate());
        Assert.Empty(DefaultDuesSchedules.UscmPerCapita(2026).Validate());
    }

    [Fact]
    public void Brackets_given_out_of_order_are_valid_when_they_meet()
    {
        Assert.Empty(Flat(Tier(100, null, 20m), Tier(0, 100, 10m)).Validate());
    }

    [Fact]
    public void A_gap_between_brackets_is_an_error()
    {
        var errors = Flat(Tier(0, 100, 10m), Tier(150, null, 20m)).Validate();

        var error = Assert.Single(errors);
        Assert.Contains("without gaps or overlaps", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_brackets_are_an_error()
    {
        var errors = Flat(Tier(0, 100, 10m), Tier(50, null, 20m)).Validate();

        var error = Assert.Single(errors);
        Assert.Contains("without gaps or overlaps", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_bracket_that_does_not_start_at_0_is_an_error()
    {
        var errors = Flat(Tier(10, 100, 10m), Tier(100, null, 20m)).Validate();

        var error = Assert.Single(errors);
        Assert.Contains("start at a population of 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_bracket_with_an_upper_bound_is_an_error()
    {
        var errors = Flat(Tier(0, 100, 10m), Tier(100, 200, 20m)).Validate();

        var error = Assert.Single(errors);
        Assert.Contains("no upper bound", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracket_whose_upper_bound_is_not_above_its_lower_is_an_error()
    {
        var errors = Flat(Tier(0, 100, 10m), Tier(100, 100, 15m), Tier(100, null, 20m)).Validate();

        var error = Assert.Single(errors);
        Assert.Contains("upper bound must be above the lower", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_without_brackets_is_an_error()
    {
        var error = Assert.Single(Flat().Validate());
        Assert.Contains("at least one bracket", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_base_amount_is_an_error()
    {
        var schedule = new DuesSchedule
        {
            Name = "Negative base",
            Kind = DuesScheduleKind.BasePlusPerCapita,
            Brackets = [new DuesBracket { MinPopulation = 0, MaxPopulation = null, BaseAmount = -1m, PerCapitaRate = 0.1m }],
        };

        var error = Assert.Single(schedule.Validate());
        Assert.Contains("cannot be negative", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_rate_is_an_error()
    {
        var schedule = new DuesSchedule
        {
            Name = "Negative rate",
            Kind = DuesScheduleKind.BasePlusPerCapita,
            Brackets = [new DuesBracket { MinPopulation = 0, MaxPopulation = null, BaseAmount = 100m, PerCapitaRate = -0.1m }],
        };

        var error = Assert.Single(schedule.Validate());
        Assert.Contains("cannot be negative", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_tier_of_zero_dollars_is_an_error()
    {
        var error = Assert.Single(Flat(Tier(0, null, 0m)).Validate());
        Assert.Contains("more than zero", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void A_discount_outside_0_to_100_percent_is_an_error(int percent)
    {
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(2026);
        schedule.NewMemberDiscountPercent = percent;

        var error = Assert.Single(schedule.Validate());
        Assert.Contains("between 0 and 100 percent", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void A_discount_of_0_or_100_percent_is_allowed(int percent)
    {
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(2026);
        schedule.NewMemberDiscountPercent = percent;

        Assert.Empty(schedule.Validate());
    }

    [Fact]
    public void A_per_capita_maximum_below_the_minimum_is_an_error()
    {
        var error = Assert.Single(PerCapita(0.05m, 1_500m, 1_000m).Validate());
        Assert.Contains("maximum cannot be less than the minimum", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_capita_rate_of_zero_is_an_error()
    {
        var error = Assert.Single(PerCapita(0m, 1_500m, null).Validate());
        Assert.Contains("rate must be more than zero", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_per_capita_minimum_is_an_error()
    {
        var error = Assert.Single(PerCapita(0.05m, -1m, null).Validate());
        Assert.Contains("minimum must be more than zero", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_capita_minimum_of_zero_is_an_error_because_there_are_no_zero_dollar_invoices()
    {
        var error = Assert.Single(PerCapita(0.05m, 0m, null).Validate());
        Assert.Contains("no $0 invoices", error, StringComparison.Ordinal);
    }
}

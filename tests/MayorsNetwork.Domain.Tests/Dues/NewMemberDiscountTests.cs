using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>A new member's first year is discounted by the schedule's percentage, rounded to cents.</summary>
public class NewMemberDiscountTests
{
    [Fact]
    public void A_new_member_in_the_1_750_tier_gets_437_50_off_and_pays_1_312_50()
    {
        // 25% of 1,750 = 437.50; 1,750 − 437.50 = 1,312.50.
        var quote = DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(150_000, newMember: true);

        Assert.Equal(1_750.00m, quote.FullAmount);
        Assert.Equal(437.50m, quote.Discount);
        Assert.Equal(1_312.50m, quote.Amount);
    }

    [Fact]
    public void A_renewing_member_gets_no_discount()
    {
        var quote = DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(150_000, newMember: false);

        Assert.Equal(0m, quote.Discount);
        Assert.Equal(1_750.00m, quote.Amount);
    }

    [Fact]
    public void A_schedule_without_a_discount_gives_a_new_member_nothing_off()
    {
        // The Minnesota shape has no new-member discount: 250 residents pay 138 + 261.40 = 399.40.
        var quote = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018).Quote(250, newMember: true);

        Assert.Equal(0m, quote.Discount);
        Assert.Equal(399.40m, quote.Amount);
    }

    [Fact]
    public void A_quarter_of_399_40_is_99_85()
    {
        var schedule = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018);
        schedule.NewMemberDiscountPercent = 25m;

        // 25% of 399.40 = 99.85; 399.40 − 99.85 = 299.55.
        var quote = schedule.Quote(250, newMember: true);

        Assert.Equal(399.40m, quote.FullAmount);
        Assert.Equal(99.85m, quote.Discount);
        Assert.Equal(299.55m, quote.Amount);
    }

    [Fact]
    public void A_discount_with_a_fraction_of_a_cent_is_rounded_to_cents()
    {
        var schedule = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018);
        schedule.NewMemberDiscountPercent = 25m;

        // Full: 5,364.95 (see BasePlusPerCapitaDuesTests). 25% = 1,341.2375 → 1,341.24;
        // 5,364.95 − 1,341.24 = 4,023.71.
        var quote = schedule.Quote(4_999, newMember: true);

        Assert.Equal(5_364.95m, quote.FullAmount);
        Assert.Equal(1_341.24m, quote.Discount);
        Assert.Equal(4_023.71m, quote.Amount);
    }

    [Fact]
    public void A_discount_of_exactly_half_a_cent_rounds_away_from_zero()
    {
        // USCM: 30,700 × 0.0494 = 1,482 + 700 × 0.0494 = 1,482 + 34.58 = 1,516.58.
        // 25% = 379.145 → 379.15 (to even would give 379.14); 1,516.58 − 379.15 = 1,137.43.
        var quote = DefaultDuesSchedules.UscmPerCapita(2006).Quote(30_700, newMember: true);

        Assert.Equal(1_516.58m, quote.FullAmount);
        Assert.Equal(379.15m, quote.Discount);
        Assert.Equal(1_137.43m, quote.Amount);
    }

    [Fact]
    public void Santa_Ana_joining_as_a_new_member_pays_three_quarters()
    {
        // 16,499.60 × 25% = 4,124.90; 16,499.60 − 4,124.90 = 12,374.70.
        var quote = DefaultDuesSchedules.UscmPerCapita(2006).Quote(334_000, newMember: true);

        Assert.Equal(4_124.90m, quote.Discount);
        Assert.Equal(12_374.70m, quote.Amount);
    }

    [Fact]
    public void The_discount_applies_to_the_minimum_too()
    {
        // 10,000 residents are raised to the 1,500 minimum; 25% of 1,500 = 375; 1,500 − 375 = 1,125.
        var quote = DefaultDuesSchedules.UscmPerCapita(2006).Quote(10_000, newMember: true);

        Assert.Equal(375.00m, quote.Discount);
        Assert.Equal(1_125.00m, quote.Amount);
    }
}

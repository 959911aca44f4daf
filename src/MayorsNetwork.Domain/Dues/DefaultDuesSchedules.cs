namespace MayorsNetwork.Domain.Dues;

/// <summary>Real schedules from product.md: the default (ICLEI USA tiers) and two reference shapes.</summary>
public static class DefaultDuesSchedules
{
    /// <summary>The ICLEI USA public tier table, the schedule a new portal starts with.</summary>
    public static DuesSchedule IcleiUsaTiers(int fiscalYear) => new()
    {
        FiscalYear = fiscalYear,
        Name = "Population tiers (ICLEI USA table)",
        Kind = DuesScheduleKind.FlatTiers,
        NewMemberDiscountPercent = 25m,
        Brackets =
        [
            Tier(0, 50_000, 600m),
            Tier(50_000, 100_000, 1_200m),
            Tier(100_000, 200_000, 1_750m),
            Tier(200_000, 300_000, 2_250m),
            Tier(300_000, 500_000, 2_750m),
            Tier(500_000, 750_000, 3_500m),
            Tier(750_000, 1_000_000, 4_500m),
            Tier(1_000_000, 2_000_000, 5_750m),
            Tier(2_000_000, 4_000_000, 7_000m),
            Tier(4_000_000, null, 8_000m),
        ],
    };

    /// <summary>
    /// League of Minnesota Cities 2017–18 shape: base plus per capita. The rows between 5,000 and 20,000
    /// are not in our source; that row is interpolated so that the amounts meet at 5,000 and 20,000.
    /// </summary>
    public static DuesSchedule MinnesotaBasePlusPerCapita(int fiscalYear) => new()
    {
        FiscalYear = fiscalYear,
        Name = "Base plus per capita (League of Minnesota Cities 2017–18 shape)",
        Kind = DuesScheduleKind.BasePlusPerCapita,
        Brackets =
        [
            new DuesBracket { MinPopulation = 0, MaxPopulation = 250, BaseAmount = 396m },
            new DuesBracket { MinPopulation = 250, MaxPopulation = 5_000, BaseAmount = 138m, PerCapitaRate = 1.0456m },
            new DuesBracket { MinPopulation = 5_000, MaxPopulation = 20_000, BaseAmount = 1_518m, PerCapitaRate = 0.7696m },
            new DuesBracket { MinPopulation = 20_000, MaxPopulation = 50_000, BaseAmount = 8_074m, PerCapitaRate = 0.4418m },
            new DuesBracket { MinPopulation = 50_000, MaxPopulation = 300_000, BaseAmount = 23_900m, PerCapitaRate = 0.1254m },
            new DuesBracket { MinPopulation = 300_000, MaxPopulation = null, BaseAmount = 40_251m, PerCapitaRate = 0.0709m },
        ],
    };

    /// <summary>USCM's historical per-capita dues, about five cents a resident, 25% off the first year.</summary>
    public static DuesSchedule UscmPerCapita(int fiscalYear) => new()
    {
        FiscalYear = fiscalYear,
        Name = "Per capita (USCM historical)",
        Kind = DuesScheduleKind.PerCapita,
        PerCapitaRate = 0.0494m,
        MinimumAmount = 1_500m,
        MaximumAmount = 250_000m,
        NewMemberDiscountPercent = 25m,
    };

    private static DuesBracket Tier(int min, int? max, decimal amount) =>
        new() { MinPopulation = min, MaxPopulation = max, BaseAmount = amount };
}

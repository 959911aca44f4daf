using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>A quote needs a real population, and a schedule that covers it.</summary>
public class DuesPopulationInputTests
{
    public static TheoryData<string> Schedules => new() { "flat", "base plus per capita", "per capita" };

    private static DuesSchedule ScheduleNamed(string kind) => kind switch
    {
        "flat" => DefaultDuesSchedules.IcleiUsaTiers(2026),
        "base plus per capita" => DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2026),
        _ => DefaultDuesSchedules.UscmPerCapita(2026),
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void A_negative_population_throws(string kind)
    {
        var schedule = ScheduleNamed(kind);

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Quote(-1, newMember: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Quote(int.MinValue, newMember: true));
    }

    [Fact]
    public void A_population_no_bracket_covers_throws_rather_than_quoting_zero()
    {
        var schedule = new DuesSchedule
        {
            Name = "Only small cities",
            Kind = DuesScheduleKind.FlatTiers,
            Brackets = [new DuesBracket { MinPopulation = 0, MaxPopulation = 1_000, BaseAmount = 100m }],
        };

        Assert.Throws<InvalidOperationException>(() => schedule.Quote(1_000, newMember: false));
    }
}

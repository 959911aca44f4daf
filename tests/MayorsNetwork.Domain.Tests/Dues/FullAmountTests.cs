using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>The chart's shortcut gives the same amount as a full quote, for every kind of schedule.</summary>
public sealed class FullAmountTests
{
    public static TheoryData<string> Schedules => ["tiers", "base-plus", "per-capita"];

    [Theory]
    [MemberData(nameof(Schedules))]
    public void The_full_amount_is_the_quotes_full_amount_at_every_population(string which)
    {
        var schedule = which switch
        {
            "tiers" => DefaultDuesSchedules.IcleiUsaTiers(2027),
            "base-plus" => DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2027),
            _ => DefaultDuesSchedules.UscmPerCapita(2027),
        };

        foreach (var population in Enumerable.Range(0, 400).Select(i => (int)Math.Round(Math.Pow(DuesSchedule.MaxPopulation, i / 399.0)) - 1).Append(0).Append(DuesSchedule.MaxPopulation))
            Assert.Equal(schedule.Quote(population, newMember: false).FullAmount, schedule.FullAmount(population));
    }
}

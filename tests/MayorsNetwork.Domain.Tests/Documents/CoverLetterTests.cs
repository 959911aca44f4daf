using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Documents;

/// <summary>The council packet's cover letter is filled from the invoice; a misspelt placeholder is found at start-up.</summary>
public class CoverLetterTests
{
    [Fact]
    public void Known_placeholders_are_filled_and_text_around_them_is_kept()
    {
        var filled = CoverLetter.Fill("Dear Council of {City}, {State}: {Amount} for {Period}. {Literal}",
            new Dictionary<string, string> { ["City"] = "Dallas", ["State"] = "TX", ["Amount"] = "$38,384.00", ["Period"] = "2026" });

        Assert.Equal("Dear Council of Dallas, TX: $38,384.00 for 2026. {Literal}", filled);
    }

    [Fact]
    public void Unknown_placeholders_are_reported_once_each()
    {
        Assert.Equal(["Cty", "Mayr", "W9Note", "Due_Date"], CoverLetter.UnknownPlaceholders("{Cty} {Mayr} {City} {Cty} {W9Note} {Due_Date}"));
        Assert.Empty(CoverLetter.UnknownPlaceholders(string.Join(" ", CoverLetter.Placeholders.Select(p => "{" + p + "}"))));
    }

    [Theory]
    [InlineData(49_999, "0 to 49,999")]
    [InlineData(108_250, "100,000 to 199,999")]
    [InlineData(4_000_000, "4,000,000 and over")]
    public void The_schedule_marks_exactly_the_citys_row(int population, string marked)
    {
        var rows = ScheduleTable.Rows(DefaultDuesSchedules.IcleiUsaTiers(2027), population);

        Assert.Equal(10, rows.Count);
        Assert.Equal(marked, Assert.Single(rows, r => r.IsTheCitys).Population);
    }

    [Fact]
    public void A_base_plus_per_capita_schedule_shows_each_brackets_formula_and_a_per_capita_one_its_single_rule()
    {
        var minnesota = ScheduleTable.Rows(DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2027), 20_000);
        Assert.Equal("$8,074.00 + $0.4418 per resident", Assert.Single(minnesota, r => r.IsTheCitys).Dues);

        var uscm = Assert.Single(ScheduleTable.Rows(DefaultDuesSchedules.UscmPerCapita(2027), 120_000));
        Assert.True(uscm.IsTheCitys);
        Assert.StartsWith("$", uscm.Dues, StringComparison.Ordinal);
        Assert.Contains("per resident, at least", uscm.Dues, StringComparison.Ordinal);
    }
}

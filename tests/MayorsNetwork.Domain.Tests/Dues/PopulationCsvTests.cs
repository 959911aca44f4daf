using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Tests.Dues;

/// <summary>The CSV of next year's population figures (issue 14): every bad row named by row and column.</summary>
public class PopulationCsvTests
{
    private const int Latest = 2026;

    [Fact]
    public void Good_rows_are_read_with_a_BOM_CRLF_quotes_and_grouped_thousands()
    {
        var text = "\uFEFFName,State,Population,Census_Year\r\nDublin,CA,\"20,145\",2025\r\n\"Pasadena, City of\",ca,135732,2020\r\n\r\n";

        var result = PopulationCsv.Parse(text, Latest);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            [new PopulationCsvRow(2, "Dublin", "CA", 20_145, 2025), new PopulationCsvRow(3, "Pasadena, City of", "CA", 135_732, 2020)],
            result.Rows);
    }

    [Theory]
    [InlineData("city,state,population\nDublin,CA,20145\n", "The first row must be the column names name,state,population,census year; this file's first row is: city,state,population.")]
    [InlineData("name;state;population;census year\nDublin;CA;20145;2025\n", "The file is separated by semicolons. Save it as comma-separated values (CSV) and upload it again.")]
    [InlineData("", "The file is empty. Its first row must be the column names: name,state,population,census year.")]
    [InlineData("name,state,population,census year\n\n", "The file has no rows after the column names.")]
    [InlineData("%PDF-1.7\0\0", "The file is not a text (CSV) file.")]
    public void A_file_of_the_wrong_shape_gets_one_message(string text, string message)
    {
        var result = PopulationCsv.Parse(text, Latest);

        Assert.Empty(result.Rows);
        Assert.Equal(new PopulationCsvError(0, null, message), Assert.Single(result.Errors));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_row_and_column()
    {
        var text = string.Join('\n',
            "name,state,population,census year",
            "Dublin,CA,1,234,567,2025",
            "Dublin,CA,twenty,2025",
            "Dublin,California,20145,2025",
            "Dublin,CA,20145,2031",
            ",CA,20145,2025",
            "Dublin,CA,\"1,23,567\",2025",
            "Dublin,CA,0,2025",
            "Dublin,CA,20145,2025",
            "DUBLIN,ca,20146,2025");

        var errors = PopulationCsv.Parse(text, Latest).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "Row 2: it has 6 values; expected 4 (name, state, population, census year). A population written with commas, such as 1,234,567, must be in double quotes.",
            "Row 3, population: \"twenty\" is not a whole number of people (write 1234567 or \"1,234,567\").",
            "Row 4, state: \"California\" is not a two-letter state code such as CO.",
            "Row 5, census year: 2031 is not between 1990 and 2026.",
            "Row 6, name: the name is empty.",
            "Row 7, population: \"1,23,567\" is not a whole number of people (write 1234567 or \"1,234,567\").",
            "Row 8, population: 0 is outside 1 to 50,000,000.",
            "Row 10, name: DUBLIN, CA is already on row 9; each city can appear once.",
        ], errors);
    }

    [Fact]
    public void Ten_thousand_rows_are_read_and_more_than_the_limit_are_refused()
    {
        var rows = Enumerable.Range(1, 10_000).Select(i => $"City {i},CO,{1_000 + i},2020");
        var result = PopulationCsv.Parse(PopulationCsv.Header + "\n" + string.Join('\n', rows), Latest);
        Assert.True(result.Succeeded);
        Assert.Equal(10_000, result.Rows.Count);
        Assert.Equal(10_001, result.Rows[^1].Row);

        var tooMany = PopulationCsv.Header + "\n" + string.Join('\n', Enumerable.Range(1, PopulationCsv.MaxRows + 1).Select(i => $"C{i},CO,1,2020"));
        Assert.Equal("The file has 100,001 rows; at most 100,000 can be uploaded at once. Split it into smaller files.", Assert.Single(PopulationCsv.Parse(tooMany, Latest).Errors).Message);
    }

    [Fact]
    public void The_figure_in_force_is_the_latest_for_that_year_or_an_earlier_one_else_the_citys_own()
    {
        var t = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        PopulationFigure F(long id, int year, int population, int minutes) =>
            new() { Id = id, FiscalYear = year, Population = population, RecordedAtUtc = t.AddMinutes(minutes), RecordedBy = "Staff" };
        var figures = new[] { F(1, 2026, 19_900, 0), F(2, 2027, 20_100, 1), F(3, 2027, 20_145, 2), F(4, 2028, 21_000, 3) };

        Assert.Equal(18_000, PopulationFigure.InForce(figures, 2025, 18_000));
        Assert.Equal(19_900, PopulationFigure.InForce(figures, 2026, 18_000));
        Assert.Equal(20_145, PopulationFigure.InForce(figures, 2027, 18_000));
    }
}

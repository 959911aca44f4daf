using System.Net;
using System.Text.Json;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Dues;

/// <summary>The public dues calculator at /dues, on the seeded ICLEI USA tier schedule.</summary>
public abstract class CalculatingDuesTests(PortalFixture portal)
{
    [Theory]
    [InlineData("49,999", "$600.00", "0 to 49,999")]
    [InlineData("50000", "$1,200.00", "50,000 to 99,999")]
    [InlineData("334,000", "$2,750.00", "300,000 to 499,999")]
    [InlineData("4000000", "$8,000.00", "4,000,000 and over")]
    public async Task Anyone_sees_the_amount_the_bracket_and_the_formula(string population, string amount, string bracket)
    {
        var page = await portal.Client().GetAsync($"/dues?population={Uri.EscapeDataString(population)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(amount, page.One("[data-testid=dues-amount]")!.TextContent);
        Assert.Equal(bracket, page.One("[data-testid=dues-bracket]")!.TextContent);
        Assert.Equal($"Flat amount for this bracket: {amount}", page.One("[data-testid=dues-formula]")!.TextContent);
        // First year for a new member: 25% off.
        Assert.Contains("new-member discount", page.One("[data-testid=dues-first-year]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_marks_the_citys_point_and_describes_it_in_words()
    {
        var page = await portal.Client().GetAsync("/dues?population=45000");

        var svg = page.One("svg.dues-chart")!;
        Assert.NotNull(svg.QuerySelector("path.dues-line"));
        Assert.NotNull(svg.QuerySelector("circle.dues-point"));
        Assert.Equal("A population of 45,000 pays $600.00 a year.", svg.QuerySelector("desc")!.TextContent);
        Assert.Null(svg.QuerySelector("script"));
    }

    [Theory]
    [InlineData("0", "more than zero")]
    [InlineData("-3", "more than zero")]
    [InlineData("12.5", "whole number")]
    [InlineData("lots", "whole number")]
    [InlineData("50000001", "cannot be more than 50,000,000")]
    public async Task Bad_populations_get_a_message_not_an_error(string population, string message)
    {
        var page = await portal.Client().GetAsync($"/dues?population={Uri.EscapeDataString(population)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.One("#population-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.One("[data-testid=dues-amount]"));
    }

    [Fact]
    public async Task The_live_preview_gives_the_same_first_year_figures_as_json()
    {
        var response = await portal.Client().Http.GetAsync("/dues?handler=quote&population=150000");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // 100,000–200,000: $1,750; 25% off: $1,312.50.
        Assert.Equal("$1,312.50", json.RootElement.GetProperty("amount").GetString());
        Assert.Equal("$437.50", json.RootElement.GetProperty("discount").GetString());
        Assert.Equal("100,000 to 199,999", json.RootElement.GetProperty("bracket").GetString());
    }
}

public sealed class CalculatingDuesTests_Sqlite(SqlitePortal portal) : CalculatingDuesTests(portal), IClassFixture<SqlitePortal>;

public sealed class CalculatingDuesTests_Postgres(PostgresPortal portal) : CalculatingDuesTests(portal), IClassFixture<PostgresPortal>;

public sealed class CalculatingDuesTests_SqlServer(SqlServerPortal portal) : CalculatingDuesTests(portal), IClassFixture<SqlServerPortal>;

using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>Who may apply through the form: a minimum population and the kinds of government accepted.</summary>
public class EligibilityRulesTests
{
    private const string Email = "membership@example.org";

    private static readonly EligibilityRules CitiesOf30000 = new(30_000, [GovernmentKind.City], Email);

    [Fact]
    public void A_city_of_30_000_is_eligible()
    {
        Assert.Null(CitiesOf30000.Check(GovernmentKind.City, 30_000));
    }

    [Fact]
    public void A_city_of_8_000_000_is_eligible()
    {
        Assert.Null(CitiesOf30000.Check(GovernmentKind.City, 8_000_000));
    }

    [Fact]
    public void A_city_of_29_999_is_told_the_minimum_and_whom_to_write_to()
    {
        using var _ = new CultureScope("en-US");

        var reason = CitiesOf30000.Check(GovernmentKind.City, 29_999);

        Assert.NotNull(reason);
        Assert.Contains("30,000", reason, StringComparison.Ordinal);
        Assert.Contains("29,999", reason, StringComparison.Ordinal);
        Assert.Contains(Email, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30_000)]
    [InlineData(5_000_000)]
    public void A_regional_entity_is_asked_to_apply_by_email_whatever_its_population(int population)
    {
        var reason = CitiesOf30000.Check(GovernmentKind.Region, population);

        Assert.NotNull(reason);
        Assert.Contains("apply by email", reason, StringComparison.Ordinal);
        Assert.Contains(Email, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_entity_applies_by_email_even_when_regions_are_listed_as_accepted()
    {
        var rules = new EligibilityRules(30_000, [GovernmentKind.City, GovernmentKind.Region], Email);

        var reason = rules.Check(GovernmentKind.Region, 100_000);

        Assert.NotNull(reason);
        Assert.Contains("apply by email", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_is_refused_when_counties_are_not_accepted()
    {
        var reason = CitiesOf30000.Check(GovernmentKind.County, 500_000);

        Assert.NotNull(reason);
        Assert.Contains("county", reason, StringComparison.Ordinal);
        Assert.Contains(Email, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_lists_the_accepted_kinds_in_plain_English()
    {
        var rules = new EligibilityRules(30_000, [GovernmentKind.City, GovernmentKind.County, GovernmentKind.TribalNation], Email);

        var reason = rules.Check(GovernmentKind.Town, 50_000);

        Assert.NotNull(reason);
        Assert.Contains("cities", reason, StringComparison.Ordinal);
        Assert.Contains("counties", reason, StringComparison.Ordinal);
        Assert.Contains("tribal nations", reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("citys", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("countys", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_is_accepted_when_counties_are_in_the_list()
    {
        var rules = new EligibilityRules(30_000, [GovernmentKind.City, GovernmentKind.County], Email);

        Assert.Null(rules.Check(GovernmentKind.County, 500_000));
    }

    [Fact]
    public void An_accepted_county_still_needs_the_minimum_population()
    {
        using var _ = new CultureScope("en-US");
        var rules = new EligibilityRules(30_000, [GovernmentKind.City, GovernmentKind.County], Email);

        var reason = rules.Check(GovernmentKind.County, 29_999);

        Assert.NotNull(reason);
        Assert.Contains("30,000", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_Tribal_nation_is_named_in_words()
    {
        var reason = CitiesOf30000.Check(GovernmentKind.TribalNation, 50_000);

        Assert.NotNull(reason);
        Assert.Contains("tribal nation", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("TribalNation", reason, StringComparison.Ordinal);
    }
}

using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Domain.Tests.Committees;

/// <summary>A body's address is made from its name: lower case, no accents, words joined by hyphens.</summary>
public class BodySlugTests
{
    [Theory]
    [InlineData("Climate Change Task Force", "climate-change-task-force")]
    [InlineData("Jobs, Education and the Workforce", "jobs-education-and-the-workforce")]
    [InlineData("  Hunger   and Homelessness  ", "hunger-and-homelessness")]
    [InlineData("Transportation & Communications", "transportation-and-communications")]
    [InlineData("Niños y Familias", "ninos-y-familias")]
    [InlineData("Task Force #2 (2026)", "task-force-2-2026")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("!!!", "")]
    public void The_slug_is_made_from_the_name(string name, string slug) => Assert.Equal(slug, SeatRules.SlugFor(name));

    [Fact]
    public void A_long_name_gives_a_slug_of_at_most_100_characters_without_a_trailing_hyphen()
    {
        var slug = SeatRules.SlugFor(string.Join(' ', Enumerable.Repeat("committee", 30)));

        Assert.True(slug.Length <= 100);
        Assert.False(slug.EndsWith('-'));
    }
}

using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests;

/// <summary>
/// Texts the domain builds for users (the calculator's bracket and formula, eligibility messages) are
/// American English whatever the locale of the server: money is already formatted with the invariant
/// culture, so population figures must be too, or one sentence mixes "$1,200.00" with "50.000".
/// </summary>
public class CultureIndependentTextTests
{
    [Fact]
    public void Money_in_a_formula_does_not_depend_on_the_server_locale()
    {
        using var _ = new CultureScope("de-DE");

        var quote = DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(50_000, newMember: false);

        Assert.Equal("Flat amount for this bracket: $1,200.00", quote.Formula);
    }

    [Fact]
    public void A_bracket_reads_the_same_on_a_German_server()
    {
        using var _ = new CultureScope("de-DE");

        var quote = DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(50_000, newMember: false);

        Assert.Equal("50,000 to 99,999", quote.Bracket);
    }

    [Fact]
    public void A_per_capita_formula_reads_the_same_on_a_German_server()
    {
        using var _ = new CultureScope("de-DE");

        var quote = DefaultDuesSchedules.UscmPerCapita(2006).Quote(334_000, newMember: false);

        Assert.Equal("334,000 × $0.0494 per resident = $16,499.60", quote.Formula);
    }

    [Fact]
    public void An_eligibility_message_reads_the_same_on_a_German_server()
    {
        using var _ = new CultureScope("de-DE");

        var reason = new EligibilityRules(30_000, [GovernmentKind.City], "membership@example.org").Check(GovernmentKind.City, 29_999);

        Assert.NotNull(reason);
        Assert.Contains("30,000", reason, StringComparison.Ordinal);
        Assert.Contains("29,999", reason, StringComparison.Ordinal);
    }
}

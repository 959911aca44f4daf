using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>Names are folded for duplicate checks: trimmed, inner spaces collapsed, case and accents ignored.</summary>
public class GovernmentNameKeyTests
{
    [Fact]
    public void Extra_spaces_case_and_a_tilde_are_ignored()
    {
        Assert.Equal("CANON CITY", Government.KeyFor("  Cañon   City "));
        Assert.Equal("CANON CITY", Government.KeyFor("CANON CITY"));
        Assert.Equal(Government.KeyFor("canon city"), Government.KeyFor("  Cañon   City "));
    }

    [Fact]
    public void Espanola_with_and_without_the_tilde_is_the_same_place()
    {
        Assert.Equal("ESPANOLA", Government.KeyFor("Española"));
        Assert.Equal(Government.KeyFor("Espanola"), Government.KeyFor("Española"));
    }

    [Fact]
    public void A_precomposed_and_a_decomposed_accent_give_the_same_key()
    {
        const string precomposed = "Ca\u00F1on City";   // ñ as one code point
        const string decomposed = "Can\u0303on City";    // n + combining tilde

        Assert.Equal(Government.KeyFor(precomposed), Government.KeyFor(decomposed));
    }

    [Fact]
    public void The_okina_is_a_letter_and_is_kept()
    {
        // U+02BB MODIFIER LETTER TURNED COMMA is a letter (Lm), not a combining mark, so it stays;
        // the macron over the a (a combining mark once decomposed) is dropped.
        const string okina = "\u02BB";

        Assert.Equal("KANE" + okina + "OHE", Government.KeyFor("K\u0101ne" + okina + "ohe"));
        Assert.Equal(Government.KeyFor("K\u0101ne" + okina + "ohe"), Government.KeyFor("  kane" + okina + "ohe "));
        Assert.NotEqual(Government.KeyFor("Kaneohe"), Government.KeyFor("K\u0101ne" + okina + "ohe"));
    }

    [Fact]
    public void Tabs_and_non_breaking_spaces_count_as_spaces()
    {
        Assert.Equal("SAINT PAUL", Government.KeyFor("Saint\u00A0Paul"));
        Assert.Equal("SAINT PAUL", Government.KeyFor("Saint\t Paul"));
    }

    [Fact]
    public void Different_names_keep_different_keys()
    {
        Assert.NotEqual(Government.KeyFor("Springfield"), Government.KeyFor("Springfeld"));
        Assert.NotEqual(Government.KeyFor("Saint Paul"), Government.KeyFor("SaintPaul"));
    }
}

using MayorsNetwork.Domain.Text;

namespace MayorsNetwork.Domain.Tests.Text;

/// <summary>What any typed value may hold (issue 11, defects 8 and 9): the rule the portal's input screening applies to every form.</summary>
public class TypedTextTests
{
    [Theory]
    [InlineData("Springfield")]
    [InlineData("Hagåtña")]
    [InlineData("Kāneʻohe")]
    [InlineData("Ελληνικό")]
    [InlineData("emoji \U0001F3D9 city")]
    [InlineData("")]
    public void Ordinary_text_is_accepted_on_one_line(string value) =>
        Assert.Equal(TextProblem.None, TypedText.Check(value, multiLine: false));

    [Theory]
    [InlineData("Spring\nfield")]
    [InlineData("Spring\r\nfield")]
    [InlineData("Spring\rfield")]
    [InlineData("Spring\tfield")]
    [InlineData("Spring\u2028field")]
    public void Line_breaks_and_tabs_are_refused_in_one_line_and_kept_in_several(string value)
    {
        Assert.Equal(TextProblem.LineBreakOrTab, TypedText.Check(value, multiLine: false));
        Assert.Equal(TextProblem.None, TypedText.Check(value, multiLine: true));
    }

    [Theory]
    [InlineData("Spring\0field")]
    [InlineData("Spring\u0001field")]
    [InlineData("Spring\u001Bfield")]
    [InlineData("Spring\u007Ffield")]
    [InlineData("Spring\u0085field")]
    [InlineData("Spring\u009Ffield")]
    [InlineData("Spring\u000Bfield")]
    public void Other_control_characters_are_refused_everywhere(string value)
    {
        Assert.Equal(TextProblem.ControlCharacter, TypedText.Check(value, multiLine: false));
        Assert.Equal(TextProblem.ControlCharacter, TypedText.Check(value, multiLine: true));
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("abc\uDC00")]
    [InlineData("a\uD83Cb")]
    [InlineData("broken \uFFFD text")]
    public void Lone_surrogates_and_the_replacement_character_are_refused(string value) =>
        Assert.Equal(TextProblem.Unreadable, TypedText.Check(value, multiLine: true));

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Direction_overrides_and_isolates_are_refused(char c) =>
        Assert.Equal(TextProblem.DirectionOverride, TypedText.Check($"invoice{c}fdp.exe", multiLine: true));

    [Fact]
    public void A_worse_problem_is_named_before_a_line_break() =>
        Assert.Equal(TextProblem.ControlCharacter, TypedText.Check("a\nb\0c", multiLine: false));

    [Fact]
    public void Values_longer_than_any_field_takes_are_refused()
    {
        Assert.Equal(TextProblem.None, TypedText.Check(new string('x', TypedText.SingleLineMaxLength), multiLine: false));
        Assert.Equal(TextProblem.TooLong, TypedText.Check(new string('x', TypedText.SingleLineMaxLength + 1), multiLine: false));
        Assert.Equal(TextProblem.None, TypedText.Check(new string('x', TypedText.MultiLineMaxLength), multiLine: true));
        Assert.Equal(TextProblem.TooLong, TypedText.Check(new string('x', 1 << 20), multiLine: true));
    }
}

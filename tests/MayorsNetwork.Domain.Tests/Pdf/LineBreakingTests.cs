using MayorsNetwork.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;

namespace MayorsNetwork.Domain.Tests.Pdf;

/// <summary>
/// Issue 11, defect 5: word wrapping in the PDFs was cubic in the length of an unbroken word, so a 20,000-character
/// URL in an adopted resolution tied up a core on every GET of the policy report. The work is now linear: counted
/// here as the measuring the breaker asks PDFsharp for (calls and characters), never as wall-clock time. Lines are
/// measured with the real font (DejaVu Sans) to check they fit, and put back together to check no character is
/// lost or repeated.
/// </summary>
public sealed class LineBreakingTests : IDisposable
{
    private const double Width = PdfLook.PageWidth - (2 * PdfLook.Margin);

    private readonly PdfFlow _flow = new("Line breaking", "Tests", "Line breaking", "Tests");
    private readonly XFont _font;

    public LineBreakingTests()
    {
        _flow.NewPage(withHeader: false);
        _font = _flow.Body;
    }

    public void Dispose() => _flow.Dispose();

    [Fact]
    public void Breaking_a_20000_character_word_costs_linear_measuring_not_cubic()
    {
        var small = Count(UnbrokenUrl(4_000));
        var large = Count(UnbrokenUrl(20_000));

        // Five times the characters: linear work is about five times the characters measured (cubic was 125 times),
        // and the calls stay about the same, since each distinct character is measured once.
        Assert.True(large.Characters < 5.5 * small.Characters, $"4,000 characters measured {small.Characters}, 20,000 measured {large.Characters}");
        Assert.True(large.Calls < 5 * small.Calls, $"4,000 characters took {small.Calls} calls, 20,000 took {large.Calls}");
        // A fixed bound per character of input: the word once, plus each distinct character once.
        Assert.True(large.Characters <= 2 * 20_000, $"20,000 characters measured {large.Characters}");
        Assert.True(large.Calls <= 200, $"20,000 characters took {large.Calls} calls");
    }

    [Fact]
    public void Every_line_of_a_20000_character_word_fits_and_the_lines_put_together_are_the_word()
    {
        var word = UnbrokenUrl(20_000);

        var lines = _flow.Wrap(word, _font, Width);

        Assert.True(lines.Count > 100, $"{lines.Count} lines");
        Assert.All(lines, line => Assert.True(Measure(line) <= Width, $"'{line}' is {Measure(line)} points wide, over {Width}"));
        Assert.Equal(word, string.Concat(lines));
        // Each line but the last is full: the next character would not have fitted.
        for (var i = 0; i < lines.Count - 1; i++) Assert.True(Measure(lines[i] + lines[i + 1][0]) > Width, $"line {i} could have held one more character");
    }

    [Fact]
    public void A_20000_character_link_among_words_keeps_every_character_once_and_the_words_around_it_whole()
    {
        var url = UnbrokenUrl(20_000);
        var text = $"See the report ({url}) for the figures, and   the  annex.\nA second paragraph.";

        var counted = Count(text);
        var lines = _flow.Wrap(text, _font, Width);

        Assert.True(counted.Characters <= 2 * text.Length, $"{text.Length} characters measured {counted.Characters}");
        Assert.Equal("See the report", lines[0]);
        Assert.All(lines, line => Assert.True(Measure(line) <= Width, $"'{line}' is {Measure(line)} points wide, over {Width}"));
        Assert.Equal(Squeezed(text), Squeezed(string.Concat(lines)));
        Assert.EndsWith("the annex.", lines[^2], StringComparison.Ordinal);
        Assert.Equal("A second paragraph.", lines[^1]);
    }

    [Fact]
    public void Short_words_wrap_at_spaces_as_before()
    {
        var text = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"word{i}"));

        var lines = _flow.Wrap(text, _font, Width);

        Assert.True(lines.Count > 5);
        Assert.All(lines, line => Assert.True(Measure(line) <= Width));
        Assert.Equal(text, string.Join(' ', lines));
        for (var i = 0; i < lines.Count - 1; i++) Assert.True(Measure(lines[i] + " " + lines[i + 1].Split(' ')[0]) > Width, $"line {i} could have held the next word");
    }

    [Fact]
    public void An_accent_that_combines_with_its_letter_is_never_cut_from_it()
    {
        var word = string.Concat(Enumerable.Repeat("e\u0301", 3_000));

        var lines = _flow.Wrap(word, _font, Width);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.Equal('e', line[0]));
        Assert.Equal(word, string.Concat(lines));
    }

    [Fact]
    public void A_20000_character_title_is_shortened_with_an_ellipsis_in_linear_work()
    {
        var title = UnbrokenUrl(20_000);
        var measured = new Counted(s => Measure(s));

        var fitted = new LineBreaker(measured.Measure).Fit(title, 200);

        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.StartsWith(fitted[..^1], title, StringComparison.Ordinal);
        Assert.True(Measure(fitted) <= 200);
        Assert.True(Measure(title[..fitted.Length] + "…") > 200, "one more character would have fitted");
        Assert.True(measured.Characters <= 2 * title.Length, $"{measured.Characters} characters measured");
    }

    [Fact]
    public void The_policy_report_with_a_20000_character_link_in_a_resolution_lays_out_across_pages()
    {
        var url = UnbrokenUrl(20_000);
        AdoptedResolution[] adopted =
        [
            new(1, "Broadband " + url[..300], "Mayor Ann Lee, Boulder, CO", [], null, null,
                [new TextBlock(TextBlockKind.Paragraph, $"See the report ({url})."), new TextBlock(TextBlockKind.ListItem, url, 1, "•")]),
        ];

        var pdf = PolicyReportPdf.Render("Annual Meeting", "June 12, 2026 · Boulder, CO", adopted, "Mayors Network", new DateTime(2026, 6, 12, 0, 0, 0, DateTimeKind.Utc));

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        // A page of about 55 lines of about 90 characters: two copies of the link take 8 pages or so after the cover.
        Assert.InRange(document.PageCount, 6, 20);
    }

    private double Measure(string s) => _flow.G.MeasureString(s, _font).Width;

    private Counted Count(string text)
    {
        var counted = new Counted(Measure);
        var lines = new LineBreaker(counted.Measure).Wrap(text, Width);
        Assert.NotEmpty(lines);
        return counted;
    }

    private static string Squeezed(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    /// <summary>A URL with no space in it, its characters varied as real ones are (and always the same for a length).</summary>
    private static string UnbrokenUrl(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.?=&%";
        var random = new Random(length);
        var prefix = "https://example.org/";
        return prefix + new string(Enumerable.Range(0, length - prefix.Length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>A measuring function that counts what it is asked: calls, and characters measured.</summary>
    private sealed class Counted(Func<string, double> inner)
    {
        public int Calls { get; private set; }

        public long Characters { get; private set; }

        public double Measure(string s)
        {
            Calls++;
            Characters += s.Length;
            return inner(s);
        }
    }
}

using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static MayorsNetwork.Infrastructure.Pdf.PdfLook;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// Text that flows down US Letter pages: wrapped paragraphs, a new page when the next line would not fit,
/// a running header and a footer with "page N of M" written once the page count is known. The invoice fits
/// on one page and draws itself; roll calls and the policy report run to many pages and use this.
/// </summary>
public sealed class PdfFlow : IDisposable
{
    /// <summary>Where the text of a page ends, above the footer.</summary>
    public const double Bottom = PageHeight - Margin - 18;

    private readonly PdfDocument _document;
    private readonly List<XGraphics> _pages = [];
    private readonly string _runningHeader;
    private readonly string _footer;

    public PdfFlow(string title, string author, string runningHeader, string footer)
    {
        // Before the document: PDFsharp checks its licence when a document is created.
        SystemFontResolver.Install();
        _document = new PdfDocument();
        _document.Info.Title = title;
        _document.Info.Author = author;
        _runningHeader = runningHeader;
        _footer = footer;
        var family = SystemFontResolver.Family;
        Title = new XFont(family, 20, XFontStyleEx.Bold);
        Heading = new XFont(family, 13, XFontStyleEx.Bold);
        Subheading = new XFont(family, 11, XFontStyleEx.Bold);
        Body = new XFont(family, 10, XFontStyleEx.Regular);
        Bold = new XFont(family, 10, XFontStyleEx.Bold);
        Small = new XFont(family, 8, XFontStyleEx.Regular);
        SmallBold = new XFont(family, 8, XFontStyleEx.Bold);
    }

    public XFont Title { get; }

    public XFont Heading { get; }

    public XFont Subheading { get; }

    public XFont Body { get; }

    public XFont Bold { get; }

    public XFont Small { get; }

    public XFont SmallBold { get; }

    /// <summary>The page being drawn on.</summary>
    public XGraphics G => _pages[^1];

    /// <summary>Where the next line's baseline goes.</summary>
    public double Y { get; set; }

    public int PageCount => _pages.Count;

    /// <summary>Called after each new page's running header, for repeated table headings.</summary>
    public Action<PdfFlow>? OnNewPage { get; set; }

    /// <summary>Starts a page; the first page has no running header (it carries the title instead).</summary>
    public void NewPage(bool withHeader = true)
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _pages.Add(XGraphics.FromPdfPage(page));
        G.DrawRectangle(new XSolidBrush(Navy), 0, 0, PageWidth, 6);
        Y = Margin;
        if (withHeader && _pages.Count > 1)
        {
            DrawFitted(_runningHeader, Small, Grey, Margin, Margin - 16, PageWidth - (2 * Margin));
            G.DrawLine(new XPen(Rule, 0.5), Margin, Margin - 10, PageWidth - Margin, Margin - 10);
            Y = Margin + 6;
        }

        OnNewPage?.Invoke(this);
    }

    /// <summary>Makes room for <paramref name="height"/> points, starting a new page if they would not fit.</summary>
    public void Need(double height)
    {
        if (_pages.Count == 0 || Y + height > Bottom) NewPage();
    }

    /// <summary>Draws wrapped text from the left margin (plus indent), moving down line by line across pages.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XColor? color = null, double spaceAfter = 6, string? bullet = null)
    {
        var width = PageWidth - (2 * Margin) - indent;
        var lines = Wrap(Printable(text), font, width);
        var lineHeight = font.GetHeight() * 1.15;
        var brush = new XSolidBrush(color ?? XColors.Black);
        for (var i = 0; i < lines.Count; i++)
        {
            Need(lineHeight);
            Y += font.Size;
            if (i == 0 && bullet is not null) G.DrawString(bullet, font, brush, Margin + indent - (G.MeasureString(bullet, font).Width + 5), Y);
            G.DrawString(lines[i], font, brush, Margin + indent, Y);
            Y += lineHeight - font.Size;
        }

        Y += spaceAfter;
    }

    /// <summary>A thin line across the text column.</summary>
    public void Line(double spaceBefore = 4, double spaceAfter = 8)
    {
        Need(spaceBefore + spaceAfter);
        Y += spaceBefore;
        G.DrawLine(new XPen(Rule, 0.75), Margin, Y, PageWidth - Margin, Y);
        Y += spaceAfter;
    }

    /// <summary>One line, shortened with an ellipsis if it would not fit the width.</summary>
    public void DrawFitted(string value, XFont font, XColor color, double x, double y, double width)
    {
        var s = Breaker(font).Fit(Printable(value).Replace('\n', ' ').Replace('\r', ' '), width);
        G.DrawString(s, font, new XSolidBrush(color), x, y);
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces, and inside a word only if it alone is too long.</summary>
    public List<string> Wrap(string text, XFont font, double width) => Breaker(font).Wrap(text, width);

    /// <summary>Measures with the page being drawn on (PDFsharp measures the same on every page).</summary>
    private LineBreaker Breaker(XFont font) => new(s => G.MeasureString(s, font).Width);

    /// <summary>Characters the font cannot draw (see <see cref="PrintableText"/>) become "?", rather than empty boxes.</summary>
    public static string Printable(string text)
    {
        if (PrintableText.CanPrint(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            sb.Append(PrintableText.CanPrint(s) ? s : "?");
        }

        return sb.ToString();
    }

    /// <summary>Writes the footers (now that the page count is known) and returns the document's bytes.</summary>
    public byte[] Save()
    {
        if (_pages.Count == 0) NewPage();
        for (var i = 0; i < _pages.Count; i++)
        {
            var g = _pages[i];
            g.DrawLine(new XPen(Rule, 0.75), Margin, PageHeight - 44, PageWidth - Margin, PageHeight - 44);
            g.DrawString(Printable(_footer), Small, new XSolidBrush(Grey), Margin, PageHeight - 32);
            g.DrawString(string.Create(Us, $"Page {i + 1} of {_pages.Count}"), Small, new XSolidBrush(Grey), PageWidth - Margin, PageHeight - 32,
                new XStringFormat { Alignment = XStringAlignment.Far, LineAlignment = XLineAlignment.BaseLine });
        }

        foreach (var g in _pages) g.Dispose();
        _pages.Clear();
        using var stream = new MemoryStream();
        _document.Save(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var g in _pages) g.Dispose();
        _document.Dispose();
    }
}

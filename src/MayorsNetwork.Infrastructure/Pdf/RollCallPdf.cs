using PdfSharp.Drawing;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// The roll call of a closed vote as a PDF: the vote and its result on top, then every elector city with its
/// choice, who cast it, as what, and when, in a table that continues (with its headings) across pages.
/// </summary>
public static class RollCallPdf
{
    private static readonly (string Label, double X)[] Columns =
    [
        ("City", 0), ("Choice", 175), ("Cast by", 228), ("Cast as", 355), ("Cast at (UTC)", 405),
    ];

    public static byte[] Render(RollCallHeading vote, IReadOnlyList<RollCallRow> rows, string associationName)
    {
        using var pdf = new PdfFlow($"Roll call: {vote.ResolutionTitle}", associationName,
            $"Roll call · {vote.ResolutionTitle} · {vote.Stage}", $"{associationName} · roll call, {vote.Meeting}");
        pdf.NewPage();
        pdf.Paragraph("ROLL CALL", pdf.SmallBold, color: PdfLook.Grey, spaceAfter: 2);
        pdf.Paragraph(vote.ResolutionTitle, pdf.Title, color: PdfLook.Navy, spaceAfter: 6);
        pdf.Paragraph($"{vote.Stage} · {vote.Meeting} · closed {vote.ClosedAtUtc.ToString("MMMM d, yyyy HH:mm", PdfLook.Us)} UTC", pdf.Body, color: PdfLook.Grey);
        pdf.Paragraph($"Rule: {vote.Rule}.", pdf.Body);
        var t = vote.Tally;
        pdf.Paragraph(string.Create(PdfLook.Us,
            $"Yes {t.Yes:N0} · No {t.No:N0} · Abstain {t.Abstain:N0} · Not voted {t.Electors - t.Cast:N0} · {t.Electors:N0} electors · turnout {t.TurnoutPercent:0.#}%"), pdf.Bold);
        pdf.Paragraph($"Result: {vote.Outcome}. {vote.Explanation}", pdf.Bold, spaceAfter: 10);

        pdf.OnNewPage = TableHeading;
        TableHeading(pdf);
        const double rowHeight = 13;
        var font = new XFont(SystemFontResolver.Family, 8.5, XFontStyleEx.Regular);
        var bold = new XFont(SystemFontResolver.Family, 8.5, XFontStyleEx.Bold);
        var width = PdfLook.PageWidth - (2 * PdfLook.Margin);
        foreach (var row in rows)
        {
            pdf.Need(rowHeight);
            var y = pdf.Y + 10;
            var x = PdfLook.Margin + 2;
            pdf.DrawFitted(row.City, font, XColors.Black, x + Columns[0].X, y, Columns[1].X - Columns[0].X - 6);
            pdf.DrawFitted(row.Choice, row.Choice == RollCallRow.NotVoted ? font : bold, row.Choice == RollCallRow.NotVoted ? PdfLook.Grey : XColors.Black,
                x + Columns[1].X, y, Columns[2].X - Columns[1].X - 6);
            pdf.DrawFitted(row.CastBy, font, XColors.Black, x + Columns[2].X, y, Columns[3].X - Columns[2].X - 6);
            pdf.DrawFitted(row.CastAs, font, XColors.Black, x + Columns[3].X, y, Columns[4].X - Columns[3].X - 6);
            pdf.DrawFitted(row.CastAtUtc?.ToString("yyyy-MM-dd HH:mm:ss", PdfLook.Us) ?? "", font, XColors.Black, x + Columns[4].X, y, width - Columns[4].X - 2);
            pdf.Y += rowHeight;
            pdf.G.DrawLine(new XPen(PdfLook.Rule, 0.4), PdfLook.Margin, pdf.Y - 1, PdfLook.PageWidth - PdfLook.Margin, pdf.Y - 1);
        }

        pdf.OnNewPage = null;
        return pdf.Save();
    }

    private static void TableHeading(PdfFlow pdf)
    {
        var y = pdf.Y;
        pdf.G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf0, 0xf0, 0xf0)), PdfLook.Margin, y, PdfLook.PageWidth - (2 * PdfLook.Margin), 16);
        foreach (var (label, x) in Columns) pdf.G.DrawString(label, pdf.SmallBold, XBrushes.Black, PdfLook.Margin + x + 2, y + 11);
        pdf.Y = y + 18;
    }
}

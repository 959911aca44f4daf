using MayorsNetwork.Domain.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static MayorsNetwork.Infrastructure.Pdf.PdfLook;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// The council packet: one PDF a city clerk can put in front of a council. In order: the cover letter, the invoice
/// (its own PDF, pages imported as they are), the dues schedule in force for the invoice's fiscal year with the city's
/// row marked, and the association's W-9 (its pages merged) when one is on file, else a page saying where to get it.
/// </summary>
public static class CouncilPacketPdf
{
    public static byte[] Render(CouncilPacketContent c)
    {
        SystemFontResolver.Install();
        using var packet = new PdfDocument();
        packet.Info.Title = $"Council packet, invoice {c.InvoiceNumber}";
        packet.Info.Author = c.AssociationName;
        Append(packet, Letter(c));
        Append(packet, c.InvoicePdf);
        Append(packet, Schedule(c));
        if (c.W9Pdf is null || !PdfImport.AppendPages(packet, c.W9Pdf)) Append(packet, W9Missing(c));

        using var stream = new MemoryStream();
        packet.Save(stream);
        return stream.ToArray();
    }

    private static void Append(PdfDocument packet, byte[] part)
    {
        if (!PdfImport.AppendPages(packet, part)) throw new InvalidOperationException("A part the portal drew itself could not be read back.");
    }

    private static string Footer(CouncilPacketContent c) => $"{c.AssociationName} · Council packet for invoice {c.InvoiceNumber}";

    private static byte[] Letter(CouncilPacketContent c)
    {
        using var pdf = new PdfFlow($"Cover letter, invoice {c.InvoiceNumber}", c.AssociationName, Footer(c), Footer(c));
        pdf.NewPage();
        pdf.Paragraph(c.AssociationName, pdf.Title, color: Navy, spaceAfter: 2);
        foreach (var line in c.AssociationAddress) pdf.Paragraph(line, pdf.Body, color: Grey, spaceAfter: 0);
        pdf.Line(10, 16);
        pdf.Paragraph(c.Date, pdf.Body, spaceAfter: 14);
        foreach (var line in c.Addressee) pdf.Paragraph(line, pdf.Body, spaceAfter: 0);
        pdf.Y += 14;
        pdf.Paragraph(c.Salutation, pdf.Body, spaceAfter: 10);
        var afterBullet = false;
        foreach (var paragraph in c.LetterParagraphs)
        {
            var bullet = paragraph.StartsWith("- ", StringComparison.Ordinal);
            if (afterBullet && !bullet) pdf.Y += 5;
            if (bullet) pdf.Paragraph(paragraph[2..], pdf.Body, indent: 16, spaceAfter: 4, bullet: "•");
            else pdf.Paragraph(paragraph, pdf.Body, spaceAfter: 9);
            afterBullet = bullet;
        }

        pdf.Y += 6;
        foreach (var line in c.Closing.Replace("\r", "", StringComparison.Ordinal).Split('\n')) pdf.Paragraph(line, pdf.Body, spaceAfter: 0);
        pdf.Y += 16;
        pdf.Paragraph($"Enclosed: invoice {c.InvoiceNumber}; the dues schedule{(c.W9Pdf is null ? "" : "; the association's Form W-9")}.", pdf.Small, color: Grey);
        return pdf.Save();
    }

    private static byte[] Schedule(CouncilPacketContent c)
    {
        using var pdf = new PdfFlow(c.ScheduleTitle, c.AssociationName, Footer(c), Footer(c));
        var populationX = Margin + 22;
        var duesX = PageWidth / 2;
        void Headings(PdfFlow f)
        {
            f.Y += 10;
            f.G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf0, 0xf0, 0xf0)), Margin, f.Y - 12, PageWidth - (2 * Margin), 18);
            f.G.DrawString("Population", f.Bold, XBrushes.Black, populationX, f.Y);
            f.G.DrawString("Annual dues", f.Bold, XBrushes.Black, duesX, f.Y);
            f.Y += 16;
        }

        pdf.NewPage();
        pdf.Paragraph(c.ScheduleTitle, pdf.Heading, color: Navy, spaceAfter: 4);
        pdf.Paragraph(c.ScheduleNote, pdf.Body, color: Grey, spaceAfter: 8);
        Headings(pdf);
        pdf.OnNewPage = Headings;
        foreach (var row in c.ScheduleRows)
        {
            pdf.Need(20);
            var font = row.IsTheCitys ? pdf.Bold : pdf.Body;
            if (row.IsTheCitys)
            {
                pdf.G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xe7, 0xf2, 0xf5)), Margin, pdf.Y - 12, PageWidth - (2 * Margin), 18);
                pdf.G.DrawRectangle(new XSolidBrush(Blue), Margin, pdf.Y - 12, 4, 18);
            }

            pdf.DrawFitted(row.Population, font, XColors.Black, populationX, pdf.Y, duesX - populationX - 8);
            pdf.DrawFitted(row.Dues + (row.IsTheCitys ? " — your city" : ""), font, XColors.Black, duesX, pdf.Y, PageWidth - Margin - duesX);
            pdf.Y += 18;
            pdf.G.DrawLine(new XPen(Rule, 0.5), Margin, pdf.Y - 12, PageWidth - Margin, pdf.Y - 12);
        }

        return pdf.Save();
    }

    private static byte[] W9Missing(CouncilPacketContent c)
    {
        using var pdf = new PdfFlow("W-9", c.AssociationName, Footer(c), Footer(c));
        pdf.NewPage();
        pdf.Paragraph("Form W-9", pdf.Heading, color: Navy, spaceAfter: 6);
        pdf.Paragraph(c.W9Missing, pdf.Body);
        return pdf.Save();
    }
}

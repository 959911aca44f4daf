namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// The policy report: a cover page "Adopted Policy Resolutions — meeting", a list of contents, then each
/// adopted resolution on a new page with its sponsor, confirmed cosponsors, the plenary's counts, and its text
/// as readable paragraphs (the Markdown is never shown as markup, and raw HTML in it is plain text).
/// </summary>
public static class PolicyReportPdf
{
    public static byte[] Render(string meetingTitle, string meetingWhenAndWhere, IReadOnlyList<AdoptedResolution> resolutions, string associationName, DateTime producedAtUtc)
    {
        var title = $"Adopted Policy Resolutions — {meetingTitle}";
        using var pdf = new PdfFlow(title, associationName, title, $"{associationName} · {title}");

        // Cover.
        pdf.NewPage();
        pdf.Y = 200;
        pdf.Paragraph(associationName.ToUpperInvariant(), pdf.SmallBold, color: PdfLook.Grey, spaceAfter: 12);
        pdf.Paragraph("Adopted Policy Resolutions", new PdfSharp.Drawing.XFont(SystemFontResolver.Family, 28, PdfSharp.Drawing.XFontStyleEx.Bold), color: PdfLook.Navy, spaceAfter: 8);
        pdf.Paragraph(meetingTitle, pdf.Title, color: PdfLook.Navy, spaceAfter: 6);
        pdf.Paragraph(meetingWhenAndWhere, pdf.Body, color: PdfLook.Grey, spaceAfter: 24);
        pdf.Paragraph($"{resolutions.Count} {(resolutions.Count == 1 ? "resolution" : "resolutions")} adopted by the member cities in plenary, each city casting one vote. " +
                      "Sent to the President of the United States and to the Congress.", pdf.Body, spaceAfter: 18);
        pdf.Paragraph("Contents", pdf.Subheading, spaceAfter: 4);
        for (var i = 0; i < resolutions.Count; i++) pdf.Paragraph($"{i + 1}. {resolutions[i].Title}", pdf.Body, indent: 14, spaceAfter: 2);
        pdf.Y += 18;
        pdf.Paragraph($"Produced {producedAtUtc.ToString("MMMM d, yyyy", PdfLook.Us)}.", pdf.Small, color: PdfLook.Grey);

        for (var i = 0; i < resolutions.Count; i++)
        {
            var r = resolutions[i];
            pdf.NewPage();
            pdf.Paragraph($"RESOLUTION {i + 1}", pdf.SmallBold, color: PdfLook.Grey, spaceAfter: 2);
            pdf.Paragraph(r.Title, pdf.Heading, color: PdfLook.Navy, spaceAfter: 6);
            pdf.Paragraph($"Sponsor: {r.Sponsor}", pdf.Body, spaceAfter: 2);
            pdf.Paragraph(r.Cosponsors.Count == 0 ? "Cosponsors: none" : $"Cosponsors: {string.Join("; ", r.Cosponsors)}", pdf.Body, spaceAfter: 2);
            if (r.Plenary is { } t)
            {
                pdf.Paragraph(string.Create(PdfLook.Us,
                    $"Adopted{(r.AdoptedAtUtc is { } at ? " " + at.ToString("MMMM d, yyyy", PdfLook.Us) : "")} in plenary: Yes {t.Yes:N0}, No {t.No:N0}, Abstain {t.Abstain:N0}, of {t.Electors:N0} elector cities."),
                    pdf.Bold, spaceAfter: 2);
            }

            pdf.Line(4, 10);
            foreach (var block in r.Text) Draw(pdf, block);
        }

        return pdf.Save();
    }

    private static void Draw(PdfFlow pdf, TextBlock block)
    {
        switch (block.Kind)
        {
            case TextBlockKind.Heading:
                pdf.Need(40);
                pdf.Y += 4;
                pdf.Paragraph(block.Text, block.Level <= 2 ? pdf.Heading : pdf.Subheading, spaceAfter: 4);
                break;
            case TextBlockKind.ListItem:
                pdf.Paragraph(block.Text, pdf.Body, indent: 16 + (14 * Math.Max(0, block.Level - 1)), spaceAfter: 3, bullet: string.IsNullOrEmpty(block.Marker) ? null : block.Marker);
                break;
            case TextBlockKind.Quote:
                pdf.Paragraph(block.Text, pdf.Body, indent: 18, color: PdfLook.Grey);
                break;
            case TextBlockKind.Code:
                pdf.Paragraph(block.Text, pdf.Small, indent: 12);
                break;
            case TextBlockKind.Rule:
                pdf.Line();
                break;
            default:
                pdf.Paragraph(block.Text, pdf.Body, spaceAfter: 7);
                break;
        }
    }
}

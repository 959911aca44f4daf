using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using static MayorsNetwork.Infrastructure.Pdf.PdfLook;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// Draws an invoice on one US Letter page: letterhead, number and dates, bill-to, lines, total and
/// balance, how to pay, and a footer. Pure drawing; the caller loads the invoice with its lines and payments.
/// </summary>
public static class InvoicePdf
{
    public static byte[] Render(Invoice invoice, InvoiceOptions terms)
    {
        SystemFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Invoice {invoice.Number}";
        document.Info.Author = terms.AssociationName;
        document.Info.Subject = $"Membership dues {invoice.MemberName}";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var g = XGraphics.FromPdfPage(page))
        {
            Draw(g, invoice, terms);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void Draw(XGraphics g, Invoice invoice, InvoiceOptions terms)
    {
        var family = SystemFontResolver.Family;
        var title = new XFont(family, 20, XFontStyleEx.Bold);
        var heading = new XFont(family, 10, XFontStyleEx.Bold);
        var body = new XFont(family, 9.5, XFontStyleEx.Regular);
        var small = new XFont(family, 8, XFontStyleEx.Regular);
        var big = new XFont(family, 14, XFontStyleEx.Bold);
        var right = new XStringFormat { Alignment = XStringAlignment.Far, LineAlignment = XLineAlignment.BaseLine };
        var text = new XTextFormatter(g);

        // Letterhead: a band, the association's name and address, and the document's title.
        g.DrawRectangle(new XSolidBrush(Navy), 0, 0, PageWidth, 8);
        g.DrawString(terms.AssociationName, title, new XSolidBrush(Navy), Margin, Margin + 10);
        var y = Margin + 26;
        foreach (var line in Lines(terms.AssociationAddress).Append(terms.BillingEmail).Append(terms.TaxId))
        {
            g.DrawString(line, body, new XSolidBrush(Grey), Margin, y);
            y += 12;
        }

        g.DrawString("INVOICE", new XFont(family, 24, XFontStyleEx.Bold), new XSolidBrush(Blue), PageWidth - Margin, Margin + 12, right);
        var facts = new List<(string Label, string Value)>
        {
            ("Invoice number", invoice.Number),
            ("Issued", Date(invoice.IssuedOn)),
            ("Due", Date(invoice.DueOn)),
            ("Period", $"{ShortDate(invoice.PeriodStart)} – {ShortDate(invoice.PeriodEnd)}"),
        };
        // The city's own references, which its finance office matches the invoice against (issue 14).
        if (invoice.PurchaseOrderNumber is { } po) facts.Add(("PO number", po));
        if (invoice.VendorNumber is { } vendor) facts.Add(("Vendor number", vendor));
        var fy = Margin + 32;
        var factsLeft = (PageWidth / 2) + 30;
        foreach (var (label, value) in facts)
        {
            g.DrawString(label, small, new XSolidBrush(Grey), factsLeft, fy);
            if (g.MeasureString(value, heading).Width <= PageWidth - Margin - factsLeft - 70)
            {
                g.DrawString(value, heading, XBrushes.Black, PageWidth - Margin, fy, right);
                fy += 14;
                continue;
            }

            // A long PO or vendor number (up to 40 characters) goes whole on a line of its own under its label, in a
            // smaller type if it must: never cut short, since the city's finance office matches it character by character.
            fy += 12;
            var width = PageWidth / 2 - Margin;
            var size = body.Size;
            while (size > 6 && g.MeasureString(value, new XFont(family, size, XFontStyleEx.Bold)).Width > width) size -= 0.5;
            var fitted = new XFont(family, size, XFontStyleEx.Bold);
            foreach (var part in new LineBreaker(t => g.MeasureString(t, fitted).Width).Wrap(value, width))
            {
                g.DrawString(part, fitted, XBrushes.Black, PageWidth - Margin, fy, right);
                fy += 12;
            }

            fy += 2;
        }

        // Bill to.
        y = Math.Max(y, fy) + 18;
        g.DrawLine(new XPen(Rule, 1), Margin, y, PageWidth - Margin, y);
        y += 18;
        g.DrawString("BILL TO", small, new XSolidBrush(Grey), Margin, y);
        g.DrawString("MEMBER", small, new XSolidBrush(Grey), PageWidth / 2, y);
        y += 14;
        var billTo = new[] { invoice.BillingName }.Concat(Lines(invoice.BillingAddress)).Append(invoice.BillingEmail).ToList();
        var member = new[] { $"{invoice.MemberName}, {invoice.MemberState}", invoice.MayorName, invoice.MayorEmail };
        var rows = Math.Max(billTo.Count, member.Length);
        for (var i = 0; i < rows; i++)
        {
            if (i < billTo.Count) DrawFitted(g, billTo[i], i == 0 ? heading : body, Margin, y, PageWidth / 2 - Margin - 12);
            if (i < member.Length) DrawFitted(g, member[i], i == 0 ? heading : body, PageWidth / 2, y, PageWidth / 2 - Margin);
            y += 13;
        }

        // Lines.
        y += 16;
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf0, 0xf0, 0xf0)), Margin, y - 12, PageWidth - (2 * Margin), 18);
        g.DrawString("Description", heading, XBrushes.Black, Margin + 6, y);
        g.DrawString("Amount", heading, XBrushes.Black, PageWidth - Margin - 6, y, right);
        y += 16;
        foreach (var line in invoice.Lines.OrderBy(l => l.Id))
        {
            var rect = new XRect(Margin + 6, y - 9, PageWidth - (2 * Margin) - 120, 40);
            text.DrawString(line.Description, body, XBrushes.Black, rect, XStringFormats.TopLeft);
            g.DrawString(Money.Format(line.Amount), body, XBrushes.Black, PageWidth - Margin - 6, y, right);
            y += LineHeight(g, line.Description, body, rect.Width) + 8;
            g.DrawLine(new XPen(Rule, 0.5), Margin, y - 9, PageWidth - Margin, y - 9);
        }

        y += 6;
        void Sum(string label, decimal amount, XFont font)
        {
            g.DrawString(label, font, XBrushes.Black, PageWidth - Margin - 240, y);
            g.DrawString(Money.Format(amount), font, XBrushes.Black, PageWidth - Margin - 6, y, right);
            y += font.Size + 8;
        }

        g.DrawString($"Payment is due by {Date(invoice.DueOn)}.", body, XBrushes.Black, Margin, y);
        Sum("Total", invoice.Total, heading);
        if (invoice.Paid > 0) Sum("Paid", -invoice.Paid, body);
        Sum("Balance due", invoice.Status == InvoiceStatus.Void ? 0 : invoice.Balance, big);
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Void)
        {
            // Said in words as well as by the stamp, for readers and screen readers that skip rotated text.
            var said = invoice.Status == InvoiceStatus.Paid ? "PAID IN FULL" : $"VOID: {invoice.VoidReason}";
            DrawFitted(g, said, heading, Margin, y, PageWidth - (2 * Margin));
            y += 14;
        }

        // How to pay.
        y += 14;
        var instructions = new[] { $"Make payments payable to {terms.PayableTo}. Reference invoice {invoice.Number}." }
            .Concat(Lines(terms.RemittanceInstructions)).ToList();
        var boxHeight = 28 + (instructions.Count * 13);
        g.DrawRectangle(new XPen(Blue, 1), new XSolidBrush(XColor.FromArgb(0xe7, 0xf2, 0xf5)), Margin, y, PageWidth - (2 * Margin), boxHeight);
        g.DrawString("HOW TO PAY", heading, new XSolidBrush(Blue), Margin + 10, y + 16);
        var iy = y + 30;
        foreach (var line in instructions)
        {
            DrawFitted(g, line, body, Margin + 10, iy, PageWidth - (2 * Margin) - 20);
            iy += 13;
        }

        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid)
        {
            var state = g.Save();
            g.RotateAtTransform(-30, new XPoint(PageWidth / 2, PageHeight / 2));
            var color = invoice.Status == InvoiceStatus.Void ? XColor.FromArgb(90, 0xb5, 0x09, 0x09) : XColor.FromArgb(90, 0x00, 0xa9, 0x1c);
            g.DrawString(invoice.Status.ToString().ToUpperInvariant(), new XFont(family, 96, XFontStyleEx.Bold), new XSolidBrush(color),
                new XRect(0, 0, PageWidth, PageHeight), XStringFormats.Center);
            g.Restore(state);
        }

        // Footer.
        g.DrawLine(new XPen(Rule, 1), Margin, PageHeight - 52, PageWidth - Margin, PageHeight - 52);
        g.DrawString($"{terms.AssociationName} · {terms.TaxId} · Questions about this invoice: {terms.BillingEmail}", small, new XSolidBrush(Grey), Margin, PageHeight - 38);
        g.DrawString($"Invoice {invoice.Number} · page 1 of 1", small, new XSolidBrush(Grey), Margin, PageHeight - 27);
    }

    private static string[] Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Date(DateOnly d) => d.ToString("MMMM d, yyyy", Us);

    private static string ShortDate(DateOnly d) => d.ToString("MMM d, yyyy", Us);

    /// <summary>Draws one line, shrinking the text with an ellipsis if it would not fit.</summary>
    private static void DrawFitted(XGraphics g, string value, XFont font, double x, double y, double width)
    {
        var s = new LineBreaker(t => g.MeasureString(t, font).Width).Fit(value.Replace('\n', ' ').Replace('\r', ' '), width);
        g.DrawString(s, font, XBrushes.Black, x, y);
    }

    private static double LineHeight(XGraphics g, string value, XFont font, double width)
    {
        var lines = Math.Max(1, (int)Math.Ceiling(g.MeasureString(value, font).Width / width));
        return lines * font.GetHeight();
    }
}

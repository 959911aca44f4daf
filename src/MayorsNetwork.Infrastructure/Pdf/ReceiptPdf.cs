using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using PdfSharp.Drawing;
using static MayorsNetwork.Infrastructure.Pdf.PdfLook;

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// A receipt (the payment settled the invoice) or a payment acknowledgement (a part payment, with the balance left), issue
/// 14: the association's letterhead, the payment (amount, date, method, reference), the invoice it is for and the balance
/// after it. Pure drawing from <see cref="PaymentReceipt"/>, in the shared look (<see cref="PdfFlow"/>).
/// </summary>
public static class ReceiptPdf
{
    public static byte[] Render(PaymentReceipt receipt, InvoiceOptions terms)
    {
        using var flow = new PdfFlow($"{receipt.Title} {receipt.Number}", terms.AssociationName, $"{receipt.Title} {receipt.Number}",
            $"{terms.AssociationName} · {terms.TaxId} · Questions about this payment: {terms.BillingEmail}");
        flow.NewPage(withHeader: false);
        flow.Paragraph(terms.AssociationName, flow.Title, color: Navy, spaceAfter: 2);
        foreach (var line in terms.AssociationAddress.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            flow.Paragraph(line, flow.Body, color: Grey, spaceAfter: 0);
        flow.Paragraph(terms.BillingEmail, flow.Body, color: Grey, spaceAfter: 12);
        flow.Paragraph(receipt.Title.ToUpperInvariant(), flow.Heading, color: Blue, spaceAfter: 2);
        flow.Paragraph($"{receipt.Title} number {receipt.Number}", flow.Bold, spaceAfter: 2);
        flow.Paragraph($"Received from {receipt.MemberName}, {receipt.MemberState}", flow.Body);
        flow.Line();
        flow.Paragraph(receipt.Summary, flow.Body, spaceAfter: 10);

        var rows = new List<(string Label, string Value)>
        {
            ("Amount received", Money.Format(receipt.Amount)),
            ("Date received", receipt.ReceivedOn.ToString("MMMM d, yyyy", Us)),
            ("Method", PaymentReceipt.MethodText(receipt.Method)),
            ("Reference", receipt.Reference.Length == 0 ? "none given" : receipt.Reference),
            ("Invoice", $"{receipt.InvoiceNumber} (membership dues, fiscal year {receipt.FiscalYear.ToString(Us)})"),
            ("Invoice total", Money.Format(receipt.InvoiceTotal)),
            ("Paid before this payment", Money.Format(receipt.PaidBefore)),
            ("Paid to date", Money.Format(receipt.PaidToDate)),
            ("Balance", Money.Format(receipt.BalanceAfter)),
        };
        var valueLeft = Margin + 180;
        foreach (var (label, value) in rows)
        {
            flow.Need(18);
            flow.Y += flow.Body.Size;
            var font = label is "Amount received" or "Balance" ? flow.Bold : flow.Body;
            flow.G.DrawString(label, flow.Body, new XSolidBrush(Grey), Margin, flow.Y);
            flow.DrawFitted(value, font, XColors.Black, valueLeft, flow.Y, PageWidth - Margin - valueLeft);
            flow.Y += 8;
        }

        flow.Line(spaceBefore: 8);
        flow.Paragraph(receipt.Kind == ReceiptKind.Receipt
            ? "Invoice paid in full. Thank you: your city's membership dues for this period are settled."
            : $"{Money.Format(receipt.BalanceAfter)} is still due on invoice {receipt.InvoiceNumber}. Make payments payable to {terms.PayableTo}; reference invoice {receipt.InvoiceNumber}.",
            flow.Bold);
        return flow.Save();
    }
}

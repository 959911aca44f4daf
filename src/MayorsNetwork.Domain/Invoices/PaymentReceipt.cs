namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// The figures a receipt (the payment settled the invoice) or a payment acknowledgement (a partial payment) shows
/// (issue 14): the payment itself, the invoice it is for, and the balance after it. Worked out for any payment of the
/// invoice, not only the latest, so an earlier acknowledgement can be downloaded again and still says what it said:
/// payments count in the order they were recorded.
/// </summary>
public sealed record PaymentReceipt(
    ReceiptKind Kind,
    string Number,
    string InvoiceNumber,
    int FiscalYear,
    string MemberName,
    string MemberState,
    decimal Amount,
    DateOnly ReceivedOn,
    PaymentMethod Method,
    string Reference,
    decimal InvoiceTotal,
    decimal PaidBefore,
    decimal PaidToDate,
    decimal BalanceAfter)
{
    public string Title => Kind == ReceiptKind.Receipt ? "Receipt" : "Payment acknowledgement";

    public static string MethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.Check => "Check",
        PaymentMethod.Ach => "ACH transfer",
        PaymentMethod.Wire => "Wire transfer",
        PaymentMethod.Card => "Card",
        _ => "Other",
    };

    /// <summary>One sentence for the email and the top of the PDF.</summary>
    public string Summary => Kind == ReceiptKind.Receipt
        ? Inv($"We received {Money.Format(Amount)} on {ReceivedOn:MMMM d, yyyy} for invoice {InvoiceNumber}. The invoice is paid in full; the balance is {Money.Format(0m)}.")
        : Inv($"We received {Money.Format(Amount)} on {ReceivedOn:MMMM d, yyyy} for invoice {InvoiceNumber}. {Money.Format(BalanceAfter)} of {Money.Format(InvoiceTotal)} is still due.");

    /// <summary>The receipt of <paramref name="payment"/>, one of <paramref name="invoice"/>'s payments.</summary>
    public static PaymentReceipt For(Invoice invoice, Payment payment)
    {
        var ordered = invoice.Payments.OrderBy(p => p.RecordedAtUtc).ThenBy(p => p.Id == 0 ? int.MaxValue : p.Id).ToList();
        var position = ordered.FindIndex(p => ReferenceEquals(p, payment) || (p.Id != 0 && p.Id == payment.Id));
        if (position < 0) throw new ArgumentException($"The payment is not one of invoice {invoice.Number}'s.", nameof(payment));
        var before = ordered.Take(position).Sum(p => p.Amount);
        var toDate = before + payment.Amount;
        var balance = invoice.Total - toDate;
        return new PaymentReceipt(
            balance <= 0 ? ReceiptKind.Receipt : ReceiptKind.Acknowledgement,
            Inv($"{invoice.Number}-R{position + 1}"),
            invoice.Number,
            invoice.FiscalYear,
            invoice.MemberName,
            invoice.MemberState,
            payment.Amount,
            payment.ReceivedOn,
            payment.Method,
            payment.Reference,
            invoice.Total,
            before,
            toDate,
            Math.Max(balance, 0m));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

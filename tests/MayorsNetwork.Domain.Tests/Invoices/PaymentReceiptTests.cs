using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>What a receipt (settled, balance zero) and an acknowledgement (partial, balance left) show. Invoice total $1,312.50.</summary>
public class PaymentReceiptTests
{
    private static readonly DateOnly Received = new(2026, 4, 2);

    [Fact]
    public void A_payment_that_settles_the_invoice_gets_a_receipt_with_balance_zero()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_312.50m, Received, PaymentMethod.Ach, "ACH 88812", "Staff", InvoiceExamples.Now);

        var receipt = PaymentReceipt.For(invoice, invoice.Payments[0]);

        Assert.Equal(ReceiptKind.Receipt, receipt.Kind);
        Assert.Equal("Receipt", receipt.Title);
        Assert.Equal("2026-000123-R1", receipt.Number);
        Assert.Equal("2026-000123", receipt.InvoiceNumber);
        Assert.Equal(1_312.50m, receipt.Amount);
        Assert.Equal(Received, receipt.ReceivedOn);
        Assert.Equal(PaymentMethod.Ach, receipt.Method);
        Assert.Equal("ACH 88812", receipt.Reference);
        Assert.Equal(0m, receipt.PaidBefore);
        Assert.Equal(1_312.50m, receipt.PaidToDate);
        Assert.Equal(0m, receipt.BalanceAfter);
        Assert.Equal("We received $1,312.50 on April 2, 2026 for invoice 2026-000123. The invoice is paid in full; the balance is $0.00.", receipt.Summary);
        Assert.Equal("ACH transfer", PaymentReceipt.MethodText(receipt.Method));
    }

    [Fact]
    public void A_partial_payment_gets_an_acknowledgement_with_the_balance_left()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(500m, Received, PaymentMethod.Check, "Check 1042", "Staff", InvoiceExamples.Now);

        var ack = PaymentReceipt.For(invoice, invoice.Payments[0]);

        Assert.Equal(ReceiptKind.Acknowledgement, ack.Kind);
        Assert.Equal("Payment acknowledgement", ack.Title);
        Assert.Equal(812.50m, ack.BalanceAfter);
        Assert.Equal("We received $500.00 on April 2, 2026 for invoice 2026-000123. $812.50 of $1,312.50 is still due.", ack.Summary);
    }

    [Fact]
    public void The_payment_that_pays_the_rest_gets_the_receipt_and_the_earlier_acknowledgement_still_says_what_it_said()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(500m, Received, PaymentMethod.Check, "Check 1042", "Staff", InvoiceExamples.Now);
        invoice.Pay(812.50m, Received.AddDays(20), PaymentMethod.Check, "Check 1107", "Staff", InvoiceExamples.Now.AddDays(20));

        var first = PaymentReceipt.For(invoice, invoice.Payments[0]);
        var second = PaymentReceipt.For(invoice, invoice.Payments[1]);

        Assert.Equal(ReceiptKind.Acknowledgement, first.Kind);
        Assert.Equal(812.50m, first.BalanceAfter);
        Assert.Equal("2026-000123-R1", first.Number);
        Assert.Equal(ReceiptKind.Receipt, second.Kind);
        Assert.Equal(500m, second.PaidBefore);
        Assert.Equal(1_312.50m, second.PaidToDate);
        Assert.Equal(0m, second.BalanceAfter);
        Assert.Equal("2026-000123-R2", second.Number);
    }

    [Fact]
    public void A_payment_of_another_invoice_is_a_programming_error()
    {
        var invoice = InvoiceExamples.Sent();
        var other = InvoiceExamples.Sent();
        other.Pay(10m, Received, PaymentMethod.Card, "", "Staff", InvoiceExamples.Now);

        Assert.Throws<ArgumentException>(() => PaymentReceipt.For(invoice, other.Payments[0]));
    }
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>Payments against an invoice: partial payments, the balance, and what is refused.</summary>
public class InvoicePaymentTests
{
    private static readonly DateOnly Received = new(2026, 3, 18);

    [Fact]
    public void A_partial_payment_lowers_the_balance_and_leaves_the_invoice_open()
    {
        var invoice = InvoiceExamples.Sent();
        var version = invoice.Version;

        var paidInFull = invoice.Pay(500m, Received, PaymentMethod.Check, "Check 1001", "Sam Staff", InvoiceExamples.Now);

        Assert.False(paidInFull);
        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
        Assert.Equal(500m, invoice.Paid);
        // 1,312.50 − 500 = 812.50.
        Assert.Equal(812.50m, invoice.Balance);
        Assert.NotEqual(version, invoice.Version);
        var payment = Assert.Single(invoice.Payments);
        Assert.Equal(500m, payment.Amount);
        Assert.Equal(Received, payment.ReceivedOn);
        Assert.Equal(PaymentMethod.Check, payment.Method);
        Assert.Equal("Check 1001", payment.Reference);
        Assert.Equal("Sam Staff", payment.RecordedBy);
        Assert.Equal(InvoiceExamples.Now, payment.RecordedAtUtc);
    }

    [Fact]
    public void Paying_the_rest_makes_the_invoice_Paid()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(500m, Received, PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        var paidInFull = invoice.Pay(812.50m, Received, PaymentMethod.Ach, "", "Sam Staff", InvoiceExamples.Now);

        Assert.True(paidInFull);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0m, invoice.Balance);
        Assert.Equal(1_312.50m, invoice.Paid);
    }

    [Fact]
    public void Paying_the_whole_balance_at_once_makes_an_issued_invoice_Paid()
    {
        var invoice = InvoiceExamples.IcleiFirstYear();

        Assert.True(invoice.Pay(1_312.50m, Received, PaymentMethod.Wire, "", "Sam Staff", InvoiceExamples.Now));
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Theory]
    [InlineData("0", "The amount must be more than zero.")]
    [InlineData("-5", "The amount must be more than zero.")]
    [InlineData("-0.01", "The amount must be more than zero.")]
    [InlineData("12.345", "The amount cannot have more than two decimal places (whole cents).")]
    [InlineData("0.001", "The amount cannot have more than two decimal places (whole cents).")]
    [InlineData("1312.51", "The amount is more than the balance of $1,312.50; record at most the balance.")]
    public void A_bad_amount_is_refused_with_a_message_and_nothing_is_recorded(string amount, string message)
    {
        var invoice = InvoiceExamples.Sent();
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(message, invoice.CannotPay(value));
        var ex = Assert.Throws<InvalidOperationException>(() => invoice.Pay(value, Received, PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now));
        Assert.Equal(message, ex.Message);
        Assert.Empty(invoice.Payments);
        Assert.Equal(1_312.50m, invoice.Balance);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("12.30")]
    [InlineData("1312.50")]
    public void An_amount_in_whole_cents_up_to_the_balance_is_accepted(string amount)
    {
        var invoice = InvoiceExamples.Sent();

        Assert.Null(invoice.CannotPay(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void After_a_partial_payment_more_than_the_new_balance_is_refused()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_000m, Received, PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal("The amount is more than the balance of $312.50; record at most the balance.", invoice.CannotPay(312.51m));
        Assert.Null(invoice.CannotPay(312.50m));
    }

    [Fact]
    public void A_paid_invoice_takes_no_more_payments()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_312.50m, Received, PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal("Invoice 2026-000123 is already paid in full.", invoice.CannotPay(1m));
    }

    [Fact]
    public void A_void_invoice_takes_no_payments()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.MarkVoid("Issued twice", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal("Invoice 2026-000123 is void; payments cannot be recorded on it.", invoice.CannotPay(100m));
        Assert.Throws<InvalidOperationException>(() => invoice.Pay(100m, Received, PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now));
        Assert.Empty(invoice.Payments);
    }
}

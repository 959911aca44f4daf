using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>Voiding an invoice: with a reason, once, and only while nothing has been paid on it.</summary>
public class InvoiceVoidTests
{
    [Fact]
    public void Voiding_records_the_reason_who_and_when()
    {
        var invoice = InvoiceExamples.Sent();
        var version = invoice.Version;

        Assert.Null(invoice.CannotVoid());
        invoice.MarkVoid("Issued to the wrong city", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Equal("Issued to the wrong city", invoice.VoidReason);
        Assert.Equal("Sam Staff", invoice.VoidedBy);
        Assert.Equal(InvoiceExamples.Now, invoice.VoidedAtUtc);
        Assert.NotEqual(version, invoice.Version);
        // Its number stays with it.
        Assert.Equal("2026-000123", invoice.Number);
    }

    [Fact]
    public void Voiding_twice_is_refused_and_the_first_reason_stays()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.MarkVoid("First reason", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal("Invoice 2026-000123 is already void.", invoice.CannotVoid());
        var ex = Assert.Throws<InvalidOperationException>(() => invoice.MarkVoid("Second reason", "Kim Staff", InvoiceExamples.Now.AddHours(1)));
        Assert.Equal("Invoice 2026-000123 is already void.", ex.Message);
        Assert.Equal("First reason", invoice.VoidReason);
        Assert.Equal("Sam Staff", invoice.VoidedBy);
    }

    [Fact]
    public void An_invoice_with_a_payment_cannot_be_voided()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(100m, new DateOnly(2026, 3, 18), PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.Equal("Invoice 2026-000123 has payments recorded; it cannot be voided.", invoice.CannotVoid());
        Assert.Throws<InvalidOperationException>(() => invoice.MarkVoid("Changed our minds", "Sam Staff", InvoiceExamples.Now));
        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
    }

    [Fact]
    public void A_paid_invoice_cannot_be_voided()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_312.50m, new DateOnly(2026, 3, 18), PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.NotNull(invoice.CannotVoid());
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>An invoice whose email has gone out is Sent, unless staff paid or voided it meanwhile.</summary>
public class InvoiceSentTests
{
    [Fact]
    public void An_issued_invoice_whose_email_went_out_is_sent()
    {
        var invoice = InvoiceExamples.IcleiFirstYear();
        var version = invoice.Version;

        Assert.True(invoice.MarkSent());

        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
        Assert.NotEqual(version, invoice.Version);
    }

    [Fact]
    public void Sending_it_again_changes_nothing()
    {
        var invoice = InvoiceExamples.Sent();
        var version = invoice.Version;

        Assert.False(invoice.MarkSent());

        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
        Assert.Equal(version, invoice.Version);
    }

    [Fact]
    public void An_invoice_paid_while_its_email_was_going_out_stays_paid()
    {
        var invoice = InvoiceExamples.IcleiFirstYear();
        invoice.Pay(invoice.Total, new DateOnly(2026, 3, 18), PaymentMethod.Check, "1001", "Sam Staff", InvoiceExamples.Now);
        var version = invoice.Version;

        Assert.False(invoice.MarkSent());

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(version, invoice.Version);
    }

    [Fact]
    public void A_voided_invoice_stays_void()
    {
        var invoice = InvoiceExamples.IcleiFirstYear();
        invoice.MarkVoid("Issued to the wrong city", "Sam Staff", InvoiceExamples.Now);

        Assert.False(invoice.MarkSent());

        Assert.Equal(InvoiceStatus.Void, invoice.Status);
    }
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>An open invoice is overdue from the day after its due date; paid and void invoices never are.</summary>
public class InvoiceOverdueTests
{
    // Issued March 10, 2026, due 30 days later: April 9.
    private static readonly DateOnly Due = new(2026, 4, 9);

    [Theory]
    [InlineData(InvoiceStatus.Issued)]
    [InlineData(InvoiceStatus.Sent)]
    public void An_open_invoice_is_not_overdue_on_its_due_date_and_is_the_day_after(InvoiceStatus status)
    {
        var invoice = InvoiceExamples.IcleiFirstYear();
        invoice.Status = status;

        Assert.Equal(Due, invoice.DueOn);
        Assert.False(invoice.IsOverdue(Due.AddDays(-1)));
        Assert.False(invoice.IsOverdue(Due));
        Assert.True(invoice.IsOverdue(Due.AddDays(1)));
    }

    [Fact]
    public void A_paid_invoice_is_never_overdue()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_312.50m, new DateOnly(2026, 3, 18), PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.False(invoice.IsOverdue(Due.AddDays(100)));
    }

    [Fact]
    public void A_void_invoice_is_never_overdue()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.MarkVoid("Issued twice", "Sam Staff", InvoiceExamples.Now);

        Assert.False(invoice.IsOverdue(Due.AddDays(100)));
    }

    [Fact]
    public void A_partly_paid_invoice_past_its_due_date_is_overdue()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.Pay(1_000m, new DateOnly(2026, 3, 18), PaymentMethod.Check, "", "Sam Staff", InvoiceExamples.Now);

        Assert.True(invoice.IsOverdue(Due.AddDays(1)));
    }
}

using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>Issue 14: PO and vendor numbers on an invoice, and the city's standing vendor number copied onto its invoices.</summary>
public class InvoiceBillingReferencesTests
{
    [Fact]
    public void An_unpaid_invoice_takes_tidied_numbers_and_changes_its_version()
    {
        var invoice = InvoiceExamples.Sent();
        var version = invoice.Version;

        var result = invoice.SetBillingReferences("  4500012345 ", "V-10293");

        Assert.True(result.Succeeded);
        Assert.Equal(("4500012345", "V-10293"), (invoice.PurchaseOrderNumber, invoice.VendorNumber));
        Assert.NotEqual(version, invoice.Version);
    }

    [Fact]
    public void Empty_values_clear_the_numbers()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.SetBillingReferences("4500012345", "V-10293");

        Assert.True(invoice.SetBillingReferences(" ", null).Succeeded);

        Assert.Equal((null, null), (invoice.PurchaseOrderNumber, invoice.VendorNumber));
    }

    [Fact]
    public void A_bad_value_in_either_changes_nothing_and_says_which()
    {
        var invoice = InvoiceExamples.Sent();
        invoice.SetBillingReferences("4500012345", "V-1");
        var version = invoice.Version;

        var result = invoice.SetBillingReferences(new string('4', 41), "V\u200B2");

        Assert.Equal([("PurchaseOrderNumber", BillingReference.TooLong), ("VendorNumber", BillingReference.NotPrintable)],
            result.Errors.Select(e => (e.Property, e.Code)));
        Assert.Equal(("4500012345", "V-1"), (invoice.PurchaseOrderNumber, invoice.VendorNumber));
        Assert.Equal(version, invoice.Version);
    }

    [Fact]
    public void A_paid_or_void_invoice_keeps_its_numbers()
    {
        var paid = InvoiceExamples.Sent();
        paid.Pay(paid.Total, InvoiceExamples.IssuedOn, PaymentMethod.Check, "1001", "Staff", InvoiceExamples.Now);
        var voided = InvoiceExamples.Sent();
        voided.MarkVoid("Duplicate", "Staff", InvoiceExamples.Now);

        Assert.Equal(BillingReference.InvoiceClosed, paid.SetBillingReferences("4500012345", null).Error!.Code);
        Assert.Equal(BillingReference.InvoiceClosed, voided.SetBillingReferences("4500012345", null).Error!.Code);
        Assert.Null(paid.PurchaseOrderNumber);
        Assert.Null(voided.PurchaseOrderNumber);
    }

    [Fact]
    public void The_citys_standing_vendor_number_is_copied_onto_the_invoices_issued_to_it()
    {
        var membership = InvoiceExamples.Boulder();
        Assert.True(membership.Government.SetVendorNumber(" SUP-000451 ").Succeeded);
        var quote = MayorsNetwork.Domain.Dues.DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(108_250, newMember: false);

        var invoice = Invoice.Create(membership, 1, quote, new FiscalYear(2026, 1), InvoiceKind.Renewal, InvoiceExamples.IssuedOn, 30, 0m);

        Assert.Equal("SUP-000451", invoice.VendorNumber);
        Assert.Null(invoice.PurchaseOrderNumber);
    }

    [Fact]
    public void A_bad_standing_vendor_number_is_refused_and_the_old_one_kept()
    {
        var g = InvoiceExamples.Boulder().Government;
        g.SetVendorNumber("SUP-1");

        var result = g.SetVendorNumber("SUP\t2");

        Assert.Equal(BillingReference.NotPrintable, result.Error!.Code);
        Assert.Equal("SUP-1", g.VendorNumber);
    }
}

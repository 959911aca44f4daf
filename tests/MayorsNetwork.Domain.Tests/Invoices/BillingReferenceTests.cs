using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>PO and vendor numbers: optional, printable characters only, at most 40, tidied; not on a paid or void invoice.</summary>
public class BillingReferenceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0\u2003")]
    public void Nothing_typed_means_no_number(string? input)
    {
        var result = BillingReference.ParsePurchaseOrder(input);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("PO 4500012345", "PO 4500012345")]
    [InlineData("  4500012345  ", "4500012345")]
    [InlineData("PO\u00a04500-0123", "PO 4500-0123")] // a no-break space pasted from a spreadsheet
    [InlineData("PO   45   00", "PO 45 00")]
    [InlineData("Nº 2026/CLT-17 (Dept. 4)", "Nº 2026/CLT-17 (Dept. 4)")]
    [InlineData("Española #12", "Española #12")]
    [InlineData("Espan\u0303ola", "Española")] // decomposed ñ is composed
    public void Printable_numbers_are_kept_tidied(string input, string expected)
    {
        Assert.Equal(expected, BillingReference.ParseVendorNumber(input).Value);
    }

    [Fact]
    public void Forty_characters_are_allowed_and_forty_one_are_refused_with_a_message()
    {
        Assert.Equal(new string('7', 40), BillingReference.ParsePurchaseOrder(new string('7', 40)).Value);

        var result = BillingReference.ParsePurchaseOrder(new string('7', 41));

        Assert.False(result.Succeeded);
        Assert.Equal(new RuleError(BillingReference.TooLong, "The purchase-order number can be at most 40 characters; this one has 41.", "PurchaseOrderNumber"), result.Error);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Outer_spaces_do_not_count_toward_the_forty()
    {
        Assert.True(BillingReference.ParsePurchaseOrder("   " + new string('A', 40) + "   ").Succeeded);
    }

    [Theory]
    [InlineData("PO\t123")]
    [InlineData("PO\n123")]
    [InlineData("PO\r\n123")]
    [InlineData("PO\u0000123")]
    [InlineData("PO\u200b123")] // zero-width space: two numbers that look the same would differ
    [InlineData("PO\u202e321")] // right-to-left override
    [InlineData("PO\u2028123")] // line separator
    [InlineData("PO\ue000123")] // private use
    [InlineData("PO\ufffd123")] // the replacement character: the text was broken on the way
    public void Control_invisible_and_broken_characters_are_refused(string input)
    {
        var result = BillingReference.ParseVendorNumber(input);

        Assert.False(result.Succeeded);
        Assert.Equal(BillingReference.NotPrintable, result.Error!.Code);
        Assert.Equal("VendorNumber", result.Error.Property);
        Assert.Equal("The vendor number can hold only printable characters (letters, digits, punctuation and spaces); character 3 is not one.", result.Error.Message);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        var input = "PO" + (char)0xD800 + "123";

        Assert.Equal(BillingReference.NotPrintable, BillingReference.ParseVendorNumber(input).Error!.Code);
        Assert.Equal(BillingReference.NotPrintable, BillingReference.ParseVendorNumber("PO123" + (char)0xDC00).Error!.Code);
    }

    [Fact]
    public void Characters_beyond_the_basic_plane_are_printable_and_count_as_two()
    {
        Assert.Equal("PO 𝟙𝟚", BillingReference.ParsePurchaseOrder("PO 𝟙𝟚").Value);
        Assert.True(BillingReference.ParsePurchaseOrder(new string('A', 38) + "𝟙").Succeeded);
        Assert.False(BillingReference.ParsePurchaseOrder(new string('A', 39) + "𝟙").Succeeded);
    }

    [Fact]
    public void A_label_and_property_of_the_callers_own_can_be_given()
    {
        var result = BillingReference.Parse("x\ty", "The city's standing vendor number", "StandingVendorNumber");

        Assert.Equal("StandingVendorNumber", result.Error!.Property);
        Assert.StartsWith("The city's standing vendor number can hold only", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_can_change_on_an_unpaid_invoice_but_not_on_a_paid_or_void_one()
    {
        Assert.Null(BillingReference.CannotChangeOn(InvoiceExamples.IcleiFirstYear()));
        Assert.Null(BillingReference.CannotChangeOn(InvoiceExamples.Sent()));

        var partly = InvoiceExamples.Sent();
        partly.Pay(100m, new DateOnly(2026, 3, 20), PaymentMethod.Check, "1001", "Staff", InvoiceExamples.Now);
        Assert.Null(BillingReference.CannotChangeOn(partly));

        var paid = InvoiceExamples.Sent();
        paid.Pay(paid.Balance, new DateOnly(2026, 3, 20), PaymentMethod.Check, "1001", "Staff", InvoiceExamples.Now);
        Assert.Equal("Invoice 2026-000123 is paid; its PO and vendor numbers can no longer be changed.", BillingReference.CannotChangeOn(paid)!.Message);

        var voided = InvoiceExamples.Sent();
        voided.MarkVoid("Duplicate", "Staff", InvoiceExamples.Now);
        Assert.Equal(BillingReference.InvoiceClosed, BillingReference.CannotChangeOn(voided)!.Code);
    }
}

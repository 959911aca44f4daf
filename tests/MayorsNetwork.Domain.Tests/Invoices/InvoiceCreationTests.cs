using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>An invoice is built from a dues quote: its lines, total, due date and the member's details.</summary>
public class InvoiceCreationTests
{
    [Fact]
    public void A_new_member_of_108_250_people_is_billed_1_750_less_437_50_making_1_312_50()
    {
        var invoice = InvoiceExamples.IcleiFirstYear();

        Assert.Collection(invoice.Lines,
            dues =>
            {
                Assert.Equal(1_750.00m, dues.Amount);
                Assert.Equal("Membership dues, FY 2026: population 108,250, bracket 100,000 to 199,999", dues.Description);
            },
            discount =>
            {
                // 25% of 1,750 = 437.50, shown as a negative line.
                Assert.Equal(-437.50m, discount.Amount);
                Assert.Equal("New-member discount, 25% of the first year", discount.Description);
            });
        Assert.Equal(1_312.50m, invoice.Total);
        Assert.Equal(1_312.50m, invoice.Balance);
        Assert.Equal(0m, invoice.Paid);
    }

    [Fact]
    public void The_invoice_copies_the_member_billing_contact_period_and_due_date()
    {
        var invoice = InvoiceExamples.IcleiFirstYear(sequence: 123);

        Assert.Equal("2026-000123", invoice.Number);
        Assert.Equal(2026, invoice.FiscalYear);
        Assert.Equal(123, invoice.Sequence);
        Assert.Equal(InvoiceKind.FirstYear, invoice.Kind);
        Assert.Equal(7, invoice.MembershipId);
        Assert.Equal("Boulder", invoice.MemberName);
        Assert.Equal("CO", invoice.MemberState);
        Assert.Equal("Finance Office", invoice.BillingName);
        Assert.Equal("finance@bouldercolorado.gov", invoice.BillingEmail);
        Assert.Equal("1777 Broadway\nBoulder, CO 80302", invoice.BillingAddress);
        Assert.Equal("Mayor Aaron Brockett", invoice.MayorName);
        Assert.Equal("mayor@bouldercolorado.gov", invoice.MayorEmail);
        Assert.Equal(new DateOnly(2026, 1, 1), invoice.PeriodStart);
        Assert.Equal(new DateOnly(2026, 12, 31), invoice.PeriodEnd);
        Assert.Equal(new DateOnly(2026, 3, 10), invoice.IssuedOn);
        // March 10 + 30 days = April 9.
        Assert.Equal(new DateOnly(2026, 4, 9), invoice.DueOn);
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
    }

    [Fact]
    public void A_fiscal_year_starting_in_July_bills_July_to_June()
    {
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(2027);
        var quote = schedule.Quote(108_250, newMember: false);

        var invoice = Invoice.Create(InvoiceExamples.Boulder(), 1, quote, new FiscalYear(2027, 7), InvoiceKind.Renewal, new DateOnly(2026, 6, 1), 30, 0m);

        Assert.Equal(new DateOnly(2026, 7, 1), invoice.PeriodStart);
        Assert.Equal(new DateOnly(2027, 6, 30), invoice.PeriodEnd);
        Assert.Equal("2027-000001", invoice.Number);
        Assert.Equal(InvoiceKind.Renewal, invoice.Kind);
        // A renewal has no discount line.
        Assert.Equal(1_750.00m, Assert.Single(invoice.Lines).Amount);
    }

    [Fact]
    public void A_Minnesota_city_of_4_999_pays_base_plus_per_capita_in_one_line()
    {
        // $138 + 4,999 × $1.0456 = 138 + 5,226.9544 = 5,364.9544 → 5,364.95; the schedule has no discount.
        var schedule = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018);
        var quote = schedule.Quote(4_999, newMember: true);

        var invoice = Invoice.Create(InvoiceExamples.Boulder(4_999), 1, quote, new FiscalYear(2018, 1), InvoiceKind.FirstYear, new DateOnly(2018, 2, 1), 30, schedule.NewMemberDiscountPercent);

        var line = Assert.Single(invoice.Lines);
        Assert.Equal(5_364.95m, line.Amount);
        Assert.Equal("Membership dues, FY 2018: population 4,999, bracket 250 to 4,999", line.Description);
        Assert.Equal(5_364.95m, invoice.Total);
    }

    [Fact]
    public void A_Minnesota_city_with_a_quarter_off_is_billed_the_full_amount_less_the_rounded_discount()
    {
        // Full 5,364.95; 25% = 1,341.2375 → 1,341.24; 5,364.95 − 1,341.24 = 4,023.71.
        var schedule = DefaultDuesSchedules.MinnesotaBasePlusPerCapita(2018);
        schedule.NewMemberDiscountPercent = 25m;
        var quote = schedule.Quote(4_999, newMember: true);

        var invoice = Invoice.Create(InvoiceExamples.Boulder(4_999), 1, quote, new FiscalYear(2018, 1), InvoiceKind.FirstYear, new DateOnly(2018, 2, 1), 30, 25m);

        Assert.Equal([5_364.95m, -1_341.24m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal(4_023.71m, invoice.Total);
    }

    [Fact]
    public void Dues_of_nothing_issue_no_invoice()
    {
        var quote = new DuesQuote(2026, 100, 0m, 0m, "0 and over", "Nothing");

        var ex = Assert.Throws<ZeroInvoiceException>(() =>
            Invoice.Create(InvoiceExamples.Boulder(), 1, quote, new FiscalYear(2026, 1), InvoiceKind.FirstYear, InvoiceExamples.IssuedOn, 30, 0m));

        Assert.Contains("Boulder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discount_of_the_whole_amount_issues_no_invoice()
    {
        var quote = new DuesQuote(2026, 100, 600m, 600m, "0 to 49,999", "Flat amount");

        Assert.Throws<ZeroInvoiceException>(() =>
            Invoice.Create(InvoiceExamples.Boulder(), 1, quote, new FiscalYear(2026, 1), InvoiceKind.FirstYear, InvoiceExamples.IssuedOn, 30, 100m));
    }
}

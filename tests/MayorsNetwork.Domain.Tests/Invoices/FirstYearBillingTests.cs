using System.Globalization;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>
/// The first invoice's fiscal year, period and amount under each policy, on every month boundary of a January and a
/// July fiscal year (the last day of each month and the first of the next, from the first day of the year to the
/// first day of the following one). A city of 60,000: $1,200 this year, $1,300 under next year's schedule, 25% off
/// the first year.
/// </summary>
public class FirstYearBillingTests
{
    private const int Population = 60_000;

    /// <summary>Columns: start month, approval date, year billed under Rollover (3 months), whole months left, year billed under Prorated.</summary>
    [Theory]
    [InlineData(1, "2026-01-01", 2026, 12, 2026)]
    [InlineData(1, "2026-01-31", 2026, 11, 2026)]
    [InlineData(1, "2026-02-01", 2026, 11, 2026)]
    [InlineData(1, "2026-02-28", 2026, 10, 2026)]
    [InlineData(1, "2026-03-01", 2026, 10, 2026)]
    [InlineData(1, "2026-03-31", 2026, 9, 2026)]
    [InlineData(1, "2026-04-01", 2026, 9, 2026)]
    [InlineData(1, "2026-04-30", 2026, 8, 2026)]
    [InlineData(1, "2026-05-01", 2026, 8, 2026)]
    [InlineData(1, "2026-05-31", 2026, 7, 2026)]
    [InlineData(1, "2026-06-01", 2026, 7, 2026)]
    [InlineData(1, "2026-06-30", 2026, 6, 2026)]
    [InlineData(1, "2026-07-01", 2026, 6, 2026)]
    [InlineData(1, "2026-07-31", 2026, 5, 2026)]
    [InlineData(1, "2026-08-01", 2026, 5, 2026)]
    [InlineData(1, "2026-08-31", 2026, 4, 2026)]
    [InlineData(1, "2026-09-01", 2026, 4, 2026)]
    [InlineData(1, "2026-09-30", 2026, 3, 2026)]
    [InlineData(1, "2026-10-01", 2027, 3, 2026)]
    [InlineData(1, "2026-10-31", 2027, 2, 2026)]
    [InlineData(1, "2026-11-01", 2027, 2, 2026)]
    [InlineData(1, "2026-11-30", 2027, 1, 2026)]
    [InlineData(1, "2026-12-01", 2027, 1, 2026)]
    [InlineData(1, "2026-12-31", 2027, 0, 2027)]
    [InlineData(1, "2027-01-01", 2027, 12, 2027)]
    [InlineData(7, "2025-07-01", 2026, 12, 2026)]
    [InlineData(7, "2025-07-31", 2026, 11, 2026)]
    [InlineData(7, "2025-08-01", 2026, 11, 2026)]
    [InlineData(7, "2025-08-31", 2026, 10, 2026)]
    [InlineData(7, "2025-09-01", 2026, 10, 2026)]
    [InlineData(7, "2025-09-30", 2026, 9, 2026)]
    [InlineData(7, "2025-10-01", 2026, 9, 2026)]
    [InlineData(7, "2025-10-31", 2026, 8, 2026)]
    [InlineData(7, "2025-11-01", 2026, 8, 2026)]
    [InlineData(7, "2025-11-30", 2026, 7, 2026)]
    [InlineData(7, "2025-12-01", 2026, 7, 2026)]
    [InlineData(7, "2025-12-31", 2026, 6, 2026)]
    [InlineData(7, "2026-01-01", 2026, 6, 2026)]
    [InlineData(7, "2026-01-31", 2026, 5, 2026)]
    [InlineData(7, "2026-02-01", 2026, 5, 2026)]
    [InlineData(7, "2026-02-28", 2026, 4, 2026)]
    [InlineData(7, "2026-03-01", 2026, 4, 2026)]
    [InlineData(7, "2026-03-31", 2026, 3, 2026)]
    [InlineData(7, "2026-04-01", 2027, 3, 2026)]
    [InlineData(7, "2026-04-30", 2027, 2, 2026)]
    [InlineData(7, "2026-05-01", 2027, 2, 2026)]
    [InlineData(7, "2026-05-31", 2027, 1, 2026)]
    [InlineData(7, "2026-06-01", 2027, 1, 2026)]
    [InlineData(7, "2026-06-30", 2027, 0, 2027)]
    [InlineData(7, "2026-07-01", 2027, 12, 2027)]
    public void Every_month_boundary_bills_the_right_year_period_and_amount(int startMonth, string approved, int rolloverYear, int monthsLeft, int proratedYear)
    {
        var on = DateOnly.Parse(approved, CultureInfo.InvariantCulture);
        var current = FiscalYear.Containing(on, startMonth);
        var thisYear = DefaultDuesSchedules.IcleiUsaTiers(2026);
        var nextYear = NextYearSchedule(current.Year + 1);

        Assert.Equal(monthsLeft, FirstYearBilling.WholeMonthsLeft(current, on));

        var rollover = FirstYearBilling.Plan(on, startMonth, new FirstYearTerms(FirstYearPolicy.Rollover, 3), Population, thisYear, nextYear);
        Assert.Equal(rolloverYear, rollover.BilledYear.Year);
        Assert.Equal(on, rollover.PeriodStart);
        Assert.Equal(new FiscalYear(rolloverYear, startMonth).End, rollover.PeriodEnd);
        Assert.Equal(rolloverYear > current.Year ? 975.00m : 900.00m, rollover.Total); // $1,300 or $1,200, less 25%
        Assert.Equal(rolloverYear > current.Year, rollover.RollsOver);

        var prorated = FirstYearBilling.Plan(on, startMonth, new FirstYearTerms(FirstYearPolicy.Prorated), Population, thisYear, nextYear);
        Assert.Equal(proratedYear, prorated.BilledYear.Year);
        Assert.Equal(on, prorated.PeriodStart);
        Assert.Equal(new FiscalYear(proratedYear, startMonth).End, prorated.PeriodEnd);
        var expectedProrated = monthsLeft switch
        {
            0 => 975.00m, // nothing left to prorate: next year in full
            12 => 900.00m, // the whole year is left
            _ => 75m * monthsLeft, // $100 a month, less 25%
        };
        Assert.Equal(expectedProrated, prorated.Total);
        Assert.Equal(monthsLeft is 0 or 12 ? 12 : monthsLeft, prorated.MonthsBilled);

        var full = FirstYearBilling.Plan(on, startMonth, new FirstYearTerms(FirstYearPolicy.Full), Population, thisYear, nextYear);
        Assert.Equal(current, full.BilledYear);
        Assert.Equal(on, full.PeriodStart);
        Assert.Equal(current.End, full.PeriodEnd);
        Assert.Equal(900.00m, full.Total);
    }

    [Fact]
    public void December_4_under_Rollover_bills_next_year_from_approval_to_its_end()
    {
        // The case: approved December 4, 2026, calendar fiscal year; today it is billed for 27 days of FY 2026.
        var bill = Plan(new DateOnly(2026, 12, 4), 1, FirstYearPolicy.Rollover);

        Assert.Equal(new FiscalYear(2027, 1), bill.BilledYear);
        Assert.Equal(FirstYearBasis.NextYear, bill.Basis);
        Assert.Equal(new DateOnly(2026, 12, 4), bill.PeriodStart);
        Assert.Equal(new DateOnly(2027, 12, 31), bill.PeriodEnd);
        Assert.Equal(2027, bill.ScheduleYear);
        Assert.False(bill.NextScheduleMissing);
        Assert.Collection(bill.Lines,
            dues => Assert.Equal(new BillLine("Membership dues, FY 2027: population 60,000, bracket 50,000 to 99,999", 1_300.00m), dues),
            discount => Assert.Equal(new BillLine("New-member discount, 25% of the first year", -325.00m), discount));
        Assert.Equal(
            "Approved on December 4, 2026, in the last 3 months of FY 2026: invoiced for FY 2027, and the membership runs from December 4, 2026 to December 31, 2027.",
            bill.Reason);
    }

    [Fact]
    public void December_4_under_Prorated_has_no_whole_month_left_and_bills_next_year()
    {
        var bill = Plan(new DateOnly(2026, 12, 4), 1, FirstYearPolicy.Prorated);

        Assert.Equal(2027, bill.BilledYear.Year);
        Assert.Equal(new DateOnly(2027, 12, 31), bill.PeriodEnd);
        Assert.Equal(975.00m, bill.Total);
        Assert.StartsWith("Approved on December 4, 2026: no whole month of FY 2026 is left, so FY 2027 is invoiced in full", bill.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void December_4_under_Full_bills_the_whole_of_this_year_for_the_rest_of_December()
    {
        var bill = Plan(new DateOnly(2026, 12, 4), 1, FirstYearPolicy.Full);

        Assert.Equal(2026, bill.BilledYear.Year);
        Assert.Equal(new DateOnly(2026, 12, 4), bill.PeriodStart);
        Assert.Equal(new DateOnly(2026, 12, 31), bill.PeriodEnd);
        Assert.Equal(900.00m, bill.Total);
    }

    [Fact]
    public void A_prorated_line_shows_the_arithmetic_and_the_discount_is_taken_from_the_prorated_amount()
    {
        // 125,000 people: $1,750 a year. Approved March 2: April to December, 9 months: 1,750 × 9/12 = 1,312.50.
        var bill = FirstYearBilling.Plan(new DateOnly(2026, 3, 2), 1, new FirstYearTerms(FirstYearPolicy.Prorated), 125_000,
            DefaultDuesSchedules.IcleiUsaTiers(2026), null);

        Assert.Collection(bill.Lines,
            dues => Assert.Equal(new BillLine(
                "Membership dues, FY 2026, 9 of 12 months (April 2026 to December 2026): population 125,000, bracket 100,000 to 199,999; $1,750.00 × 9/12 = $1,312.50",
                1_312.50m), dues),
            discount => Assert.Equal(new BillLine("New-member discount, 25% of $1,312.50", -328.13m), discount)); // 328.125 → 328.13
        Assert.Equal(984.37m, bill.Total);
        Assert.Equal(FirstYearBasis.ThisYearProrated, bill.Basis);
        Assert.Equal(
            "Approved on March 2, 2026: 9 months of FY 2026 are left (April 2026 to December 2026), so 9/12 of the year's dues $1,750.00 is invoiced; the membership runs from March 2, 2026 to December 31, 2026.",
            bill.Reason);
    }

    [Theory]
    [InlineData(5, 729.17)] // 1,750 × 5/12 = 729.1666…
    [InlineData(7, 1_020.83)] // 1,750 × 7/12 = 1,020.8333…
    [InlineData(1, 145.83)] // 145.8333…
    public void Prorated_dues_are_rounded_to_the_cent(int monthsLeft, decimal expected)
    {
        var on = new DateOnly(2026, 12 - monthsLeft + 1, 1);
        var bill = FirstYearBilling.Plan(on, 1, new FirstYearTerms(FirstYearPolicy.Prorated), 125_000, NoDiscount(1_750m), null);

        Assert.Equal(expected, Assert.Single(bill.Lines).Amount);
    }

    [Fact]
    public void A_half_cent_is_rounded_away_from_zero_as_dues_are()
    {
        // $600.06 × 1/12 = $50.005: half away from zero gives $50.01 (banker's rounding would give $50.00).
        var bill = FirstYearBilling.Plan(new DateOnly(2026, 12, 1), 1, new FirstYearTerms(FirstYearPolicy.Prorated), 1_000, NoDiscount(600.06m), null);

        Assert.Equal(50.01m, bill.Total);
        Assert.Equal(Money.ToCents(50.005m), bill.Total);
    }

    [Fact]
    public void On_the_first_day_of_a_month_that_month_counts_and_on_the_second_it_does_not()
    {
        var year = new FiscalYear(2026, 7);

        Assert.Equal(12, FirstYearBilling.WholeMonthsLeft(year, new DateOnly(2025, 7, 1)));
        Assert.Equal(11, FirstYearBilling.WholeMonthsLeft(year, new DateOnly(2025, 7, 2)));
        Assert.Equal(1, FirstYearBilling.WholeMonthsLeft(year, new DateOnly(2026, 6, 1)));
        Assert.Equal(0, FirstYearBilling.WholeMonthsLeft(year, new DateOnly(2026, 6, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstYearBilling.WholeMonthsLeft(year, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void When_next_years_schedule_is_missing_the_schedule_in_force_is_used_and_the_reason_says_so()
    {
        var thisYear = DefaultDuesSchedules.IcleiUsaTiers(2025); // in force since FY 2025, not replaced
        var bill = FirstYearBilling.Plan(new DateOnly(2026, 11, 15), 1, FirstYearTerms.Default, Population, thisYear, nextYear: null);

        Assert.Equal(2027, bill.BilledYear.Year);
        Assert.True(bill.NextScheduleMissing);
        Assert.Equal(2025, bill.ScheduleYear);
        Assert.Equal(900.00m, bill.Total);
        Assert.EndsWith("FY 2027's dues schedule is not set yet, so the schedule in force (FY 2025's) is used.", bill.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_next_year_schedule_that_is_really_this_years_counts_as_missing()
    {
        // What "the schedule in force for FY 2027" returns when FY 2027 has none: FY 2026's own.
        var thisYear = DefaultDuesSchedules.IcleiUsaTiers(2026);
        var bill = FirstYearBilling.Plan(new DateOnly(2026, 11, 15), 1, FirstYearTerms.Default, Population, thisYear, thisYear);

        Assert.True(bill.NextScheduleMissing);
        Assert.Equal(2026, bill.ScheduleYear);
    }

    [Fact]
    public void Schedules_of_the_wrong_years_are_programming_errors()
    {
        var on = new DateOnly(2026, 11, 15);
        Assert.Throws<ArgumentException>(() => FirstYearBilling.Plan(on, 1, FirstYearTerms.Default, Population, DefaultDuesSchedules.IcleiUsaTiers(2027), null));
        Assert.Throws<ArgumentException>(() => FirstYearBilling.Plan(on, 1, FirstYearTerms.Default, Population, DefaultDuesSchedules.IcleiUsaTiers(2026), DefaultDuesSchedules.IcleiUsaTiers(2028)));
    }

    [Fact]
    public void Before_the_rollover_window_the_reason_says_when_it_opens()
    {
        var bill = Plan(new DateOnly(2026, 9, 30), 1, FirstYearPolicy.Rollover);

        Assert.Equal(
            "Approved on September 30, 2026: invoiced for FY 2026, and the membership runs from September 30, 2026 to December 31, 2026. Applications approved from October 1, 2026 are invoiced for FY 2027 instead.",
            bill.Reason);
    }

    [Theory]
    [InlineData(0, "2026-12-31", 2026)] // no rollover window at all
    [InlineData(1, "2026-11-30", 2026)]
    [InlineData(1, "2026-12-01", 2027)]
    [InlineData(11, "2026-01-31", 2026)]
    [InlineData(11, "2026-02-01", 2027)]
    public void The_rollover_window_is_the_last_N_whole_months(int months, string approved, int billed)
    {
        var bill = FirstYearBilling.Plan(DateOnly.Parse(approved, CultureInfo.InvariantCulture), 1, new FirstYearTerms(FirstYearPolicy.Rollover, months),
            Population, DefaultDuesSchedules.IcleiUsaTiers(2026), NextYearSchedule(2027));

        Assert.Equal(billed, bill.BilledYear.Year);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public void Rollover_months_outside_0_to_11_are_refused(int months)
    {
        var terms = new FirstYearTerms(FirstYearPolicy.Rollover, months);

        Assert.Equal("first-year.rollover-months", Assert.Single(terms.Validate()).Code);
        Assert.Throws<ArgumentException>(() => FirstYearBilling.Plan(new DateOnly(2026, 5, 1), 1, terms, Population, DefaultDuesSchedules.IcleiUsaTiers(2026), null));
    }

    [Theory]
    [InlineData(108_250, "2026-03-10")]
    [InlineData(30_000, "2026-07-01")]
    [InlineData(4_500_000, "2026-12-31")]
    public void Full_writes_the_same_lines_and_total_as_the_first_invoice_always_has(int population, string approved)
    {
        var on = DateOnly.Parse(approved, CultureInfo.InvariantCulture);
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(2026);
        var bill = FirstYearBilling.Plan(on, 1, new FirstYearTerms(FirstYearPolicy.Full), population, schedule, null);
        var before = Invoice.Create(InvoiceExamples.Boulder(population), 5, schedule.Quote(population, newMember: true), new FiscalYear(2026, 1),
            InvoiceKind.FirstYear, on, 30, schedule.NewMemberDiscountPercent);

        var now = Invoice.Create(InvoiceExamples.Boulder(population), 5, bill, on, 30);

        Assert.Equal(before.Lines.Select(l => (l.Description, l.Amount)), now.Lines.Select(l => (l.Description, l.Amount)));
        Assert.Equal(before.Total, now.Total);
        Assert.Equal(before.Number, now.Number);
        Assert.Equal(before.DueOn, now.DueOn);
        Assert.Equal(before.PeriodEnd, now.PeriodEnd);
        Assert.Equal(on, now.PeriodStart); // the membership starts on approval, not on January 1
    }

    [Fact]
    public void A_rolled_over_invoice_is_numbered_in_next_year_and_its_period_says_so()
    {
        var bill = Plan(new DateOnly(2026, 12, 4), 1, FirstYearPolicy.Rollover);

        var invoice = Invoice.Create(InvoiceExamples.Boulder(Population), 17, bill, new DateOnly(2026, 12, 4), 30);

        Assert.Equal("2027-000017", invoice.Number);
        Assert.Equal(2027, invoice.FiscalYear);
        Assert.Equal(InvoiceKind.FirstYear, invoice.Kind);
        Assert.Equal(new DateOnly(2026, 12, 4), invoice.PeriodStart);
        Assert.Equal(new DateOnly(2027, 12, 31), invoice.PeriodEnd);
        Assert.Equal(new DateOnly(2027, 1, 3), invoice.DueOn); // due during the period it pays for
        Assert.Equal(975.00m, invoice.Total);
        Assert.Equal(2, invoice.Lines.Count);
    }

    [Fact]
    public void A_first_invoice_that_comes_to_nothing_is_refused()
    {
        var free = NoDiscount(600m);
        free.NewMemberDiscountPercent = 100m;
        var bill = FirstYearBilling.Plan(new DateOnly(2026, 5, 1), 1, new FirstYearTerms(FirstYearPolicy.Prorated), 1_000, free, null);

        Assert.Equal(0m, bill.Total);
        Assert.Throws<ZeroInvoiceException>(() => Invoice.Create(InvoiceExamples.Boulder(), 1, bill, new DateOnly(2026, 5, 1), 30));
    }

    private static FirstYearBill Plan(DateOnly on, int startMonth, FirstYearPolicy policy) =>
        FirstYearBilling.Plan(on, startMonth, new FirstYearTerms(policy), Population, DefaultDuesSchedules.IcleiUsaTiers(2026), NextYearSchedule(2027));

    /// <summary>ICLEI tiers with the 50,000–99,999 tier raised from $1,200 to $1,300.</summary>
    internal static DuesSchedule NextYearSchedule(int fiscalYear)
    {
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(fiscalYear);
        schedule.Brackets.Single(b => b.MinPopulation == 50_000).BaseAmount = 1_300m;
        return schedule;
    }

    private static DuesSchedule NoDiscount(decimal amount) => new()
    {
        FiscalYear = 2026,
        Name = "One tier",
        Kind = DuesScheduleKind.FlatTiers,
        Brackets = [new DuesBracket { MinPopulation = 0, BaseAmount = amount }],
    };
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// Works out a new member's first invoice from its approval date (issue 14). The membership always starts on the
/// approval date and ends with the fiscal year billed.
/// <list type="bullet">
/// <item><b>Rollover</b> (default): approved on or after the first day of the last <c>RolloverMonths</c> months of
/// the fiscal year, the next fiscal year is billed in full; approved earlier, this year is billed in full.</item>
/// <item><b>Prorated</b>: this year's dues × the whole months left ÷ 12, rounded to the cent as dues are. A month is
/// whole when the approval is on or before its first day: approved on March 1, March counts; approved on March 2,
/// the first whole month is April (the rest of March is free). Approved on the first day of the fiscal year, the
/// whole year is billed as under Full. When no whole month is left (approved after the first day of the last month),
/// there is nothing to prorate: the next fiscal year is billed in full, as under Rollover.</item>
/// <item><b>Full</b>: this year in full, whenever the approval falls (the lines and total are those the portal issued
/// before this policy existed).</item>
/// </list>
/// The new-member discount of the schedule used applies to what is billed (to the prorated amount when prorated).
/// The next year's schedule may not exist yet: then the schedule in force is used (a schedule applies until a later
/// one replaces it) and the reason says so.
/// </summary>
public static class FirstYearBilling
{
    /// <param name="approvedOn">The day the application was approved.</param>
    /// <param name="fiscalYearStartMonth">The association's fiscal-year start month (1–12).</param>
    /// <param name="thisYear">The schedule in force for the fiscal year containing <paramref name="approvedOn"/>.</param>
    /// <param name="nextYear">The next fiscal year's own schedule, or null when there is none yet. A schedule of this
    /// year or earlier (what "the schedule in force for next year" returns when next year has none) counts as none.</param>
    public static FirstYearBill Plan(DateOnly approvedOn, int fiscalYearStartMonth, FirstYearTerms terms, int population,
        DuesSchedule thisYear, DuesSchedule? nextYear)
    {
        if (terms.Validate() is [var bad, ..]) throw new ArgumentException(bad.Message, nameof(terms));
        var current = FiscalYear.Containing(approvedOn, fiscalYearStartMonth);
        var following = new FiscalYear(current.Year + 1, fiscalYearStartMonth);
        if (thisYear.FiscalYear > current.Year)
            throw new ArgumentException($"The schedule of FY {thisYear.FiscalYear} is not in force in {current}.", nameof(thisYear));
        if (nextYear is not null && nextYear.FiscalYear > following.Year)
            throw new ArgumentException($"The schedule of FY {nextYear.FiscalYear} is not next year's ({following.Year}).", nameof(nextYear));
        var nextOwn = nextYear is not null && nextYear.FiscalYear == following.Year ? nextYear : null;

        return terms.Policy switch
        {
            FirstYearPolicy.Full => InFull(approvedOn, current, population, thisYear,
                $"Approved on {Day(approvedOn)}: invoiced for the whole of {Name(current)}; the membership runs from {Day(approvedOn)} to {Day(current.End)}."),
            FirstYearPolicy.Rollover when RolloverStart(current, terms) is { } rollFrom && approvedOn >= rollFrom => NextYear(approvedOn, current, following, population, thisYear, nextOwn,
                $"Approved on {Day(approvedOn)}, in the last {Months(terms.RolloverMonths)} of {Name(current)}: invoiced for {Name(following)}, and the membership runs from {Day(approvedOn)} to {Day(following.End)}."),
            FirstYearPolicy.Rollover => InFull(approvedOn, current, population, thisYear,
                $"Approved on {Day(approvedOn)}: invoiced for {Name(current)}, and the membership runs from {Day(approvedOn)} to {Day(current.End)}." +
                (terms.RolloverMonths > 0 ? $" Applications approved from {Day(RolloverStart(current, terms)!.Value)} are invoiced for {Name(following)} instead." : "")),
            FirstYearPolicy.Prorated => Prorated(approvedOn, current, following, population, thisYear, nextOwn),
            _ => throw new ArgumentOutOfRangeException(nameof(terms)),
        };
    }

    /// <summary>The first day from which an approval rolls over into the next fiscal year, or null when the policy never rolls over.</summary>
    public static DateOnly? RolloverStart(FiscalYear year, FirstYearTerms terms) =>
        terms.Policy == FirstYearPolicy.Rollover && terms.RolloverMonths > 0 ? year.End.AddDays(1).AddMonths(-terms.RolloverMonths) : null;

    /// <summary>The whole months of <paramref name="year"/> left on <paramref name="day"/>: those whose first day is on or after it.</summary>
    public static int WholeMonthsLeft(FiscalYear year, DateOnly day)
    {
        if (day < year.Start || day > year.End) throw new ArgumentOutOfRangeException(nameof(day), $"{Day(day)} is not in {year}.");
        var months = 0;
        for (var start = year.Start; start <= year.End; start = start.AddMonths(1))
            if (start >= day) months++;
        return months;
    }

    private static FirstYearBill InFull(DateOnly approvedOn, FiscalYear year, int population, DuesSchedule schedule, string reason)
    {
        var quote = schedule.Quote(population, newMember: true);
        return new FirstYearBill(year, FirstYearBasis.ThisYearInFull, approvedOn, approvedOn, year.End, quote, schedule.NewMemberDiscountPercent,
            schedule.FiscalYear, NextScheduleMissing: false, 12, FullYearLines(year, quote, schedule.NewMemberDiscountPercent), reason);
    }

    private static FirstYearBill NextYear(DateOnly approvedOn, FiscalYear current, FiscalYear following, int population,
        DuesSchedule thisYear, DuesSchedule? nextOwn, string reason)
    {
        var schedule = nextOwn ?? thisYear;
        var quote = schedule.Quote(population, newMember: true);
        if (nextOwn is null)
            reason += $" {Name(following)}'s dues schedule is not set yet, so the schedule in force (FY {thisYear.FiscalYear}'s) is used.";
        return new FirstYearBill(following, FirstYearBasis.NextYear, approvedOn, approvedOn, following.End, quote, schedule.NewMemberDiscountPercent,
            schedule.FiscalYear, NextScheduleMissing: nextOwn is null, 12, FullYearLines(following, quote, schedule.NewMemberDiscountPercent), reason);
    }

    private static FirstYearBill Prorated(DateOnly approvedOn, FiscalYear current, FiscalYear following, int population,
        DuesSchedule thisYear, DuesSchedule? nextOwn)
    {
        var months = WholeMonthsLeft(current, approvedOn);
        if (months == 12)
            return InFull(approvedOn, current, population, thisYear,
                $"Approved on {Day(approvedOn)}, the first day of {Name(current)}: the whole year is left, so it is invoiced in full; the membership runs to {Day(current.End)}.");
        if (months == 0)
            return NextYear(approvedOn, current, following, population, thisYear, nextOwn,
                $"Approved on {Day(approvedOn)}: no whole month of {Name(current)} is left, so {Name(following)} is invoiced in full, and the membership runs from {Day(approvedOn)} to {Day(following.End)}.");

        var quote = thisYear.Quote(population, newMember: true);
        var firstMonth = current.End.AddDays(1).AddMonths(-months);
        var amount = Money.ToCents(quote.FullAmount * months / 12m);
        var lines = new List<BillLine>
        {
            new(Inv($"Membership dues, {current}, {months} of 12 months ({firstMonth:MMMM yyyy} to {current.End:MMMM yyyy}): population {population:N0}, bracket {quote.Bracket}; {Money.Format(quote.FullAmount)} × {months}/12 = {Money.Format(amount)}"), amount),
        };
        var percent = thisYear.NewMemberDiscountPercent;
        if (percent > 0)
        {
            var discount = Money.ToCents(amount * percent / 100m);
            if (discount > 0) lines.Add(new BillLine(Inv($"New-member discount, {percent:0.##}% of {Money.Format(amount)}"), -discount));
        }

        var reason = $"Approved on {Day(approvedOn)}: {Months(months)} of {Name(current)} {(months == 1 ? "is" : "are")} left ({Inv($"{firstMonth:MMMM yyyy}")} to {Inv($"{current.End:MMMM yyyy}")}), " +
                     $"so {months}/12 of the year's dues {Money.Format(quote.FullAmount)} is invoiced; the membership runs from {Day(approvedOn)} to {Day(current.End)}.";
        return new FirstYearBill(current, FirstYearBasis.ThisYearProrated, approvedOn, approvedOn, current.End, quote, percent,
            thisYear.FiscalYear, NextScheduleMissing: false, months, lines, reason);
    }

    /// <summary>The lines <see cref="Invoice.Create(Members.Membership, int, DuesQuote, FiscalYear, InvoiceKind, DateOnly, int, decimal)"/> writes.</summary>
    private static List<BillLine> FullYearLines(FiscalYear year, DuesQuote quote, decimal discountPercent)
    {
        var lines = new List<BillLine>
        {
            new(Inv($"Membership dues, {year}: population {quote.Population:N0}, bracket {quote.Bracket}"), quote.FullAmount),
        };
        if (quote.Discount > 0)
            lines.Add(new BillLine(Inv($"New-member discount, {discountPercent:0.##}% of the first year"), -quote.Discount));
        return lines;
    }

    private static string Name(FiscalYear year) => Inv($"FY {year.Year}");

    private static string Months(int n) => n == 1 ? "1 month" : Inv($"{n} months");

    internal static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

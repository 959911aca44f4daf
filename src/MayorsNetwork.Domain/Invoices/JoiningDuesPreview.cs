using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// What the dues calculator and /join show a prospective member: the dues of the fiscal year its first invoice
/// would be for if it were approved today, and why that year. Late in the year under Rollover (or with no whole
/// month left under Prorated) that is next year's dues, or, when next year's schedule is not set yet, this year's
/// with a warning that the invoice may differ.
/// </summary>
/// <param name="ShownYear">The fiscal year whose dues are shown.</param>
/// <param name="Quote">The full year's dues shown (the new-member discount on the full year included).</param>
/// <param name="FirstInvoice">The first invoice if the application were approved today.</param>
/// <param name="Explanation">One or two sentences for the page.</param>
public sealed record JoiningDuesPreview(FiscalYear ShownYear, DuesQuote Quote, FirstYearBill FirstInvoice, string Explanation)
{
    public bool RollsOver => FirstInvoice.RollsOver;

    public bool NextScheduleMissing => FirstInvoice.NextScheduleMissing;

    public static JoiningDuesPreview For(DateOnly today, int fiscalYearStartMonth, FirstYearTerms terms, int population,
        DuesSchedule thisYear, DuesSchedule? nextYear)
    {
        var bill = FirstYearBilling.Plan(today, fiscalYearStartMonth, terms, population, thisYear, nextYear);
        var current = FiscalYear.Containing(today, fiscalYearStartMonth);
        var billed = bill.BilledYear;
        var rollFrom = FirstYearBilling.RolloverStart(current, terms);
        string text;
        if (bill.RollsOver)
        {
            var why = rollFrom is { } from && today >= from
                ? $"Applications approved from {Day(from)} are invoiced for FY {billed.Year}"
                : $"No whole month of FY {current.Year} is left, so applications approved now are invoiced for FY {billed.Year}";
            text = $"{why}, and membership runs from approval to {Day(billed.End)}. " + (bill.NextScheduleMissing
                ? $"FY {billed.Year}'s dues are not set yet: these are the dues in force now, which apply until they are, so the invoice may differ."
                : $"These are FY {billed.Year}'s dues.");
        }
        else if (bill.Basis == FirstYearBasis.ThisYearProrated)
        {
            var last = bill.Lines.Count > 1 ? $", {Money.Format(bill.Total)} after the new-member discount" : "";
            text = $"These are FY {billed.Year}'s dues for a whole year. Approved today, the first invoice would charge the {bill.MonthsBilled} whole months left: " +
                   $"{Money.Format(bill.Lines[0].Amount)}{last}.";
        }
        else
        {
            text = $"These are FY {billed.Year}'s dues." + (rollFrom is { } from
                ? $" Applications approved from {Day(from)} are invoiced for FY {billed.Year + 1} instead."
                : "");
        }

        return new JoiningDuesPreview(billed, bill.Quote, bill, text);
    }

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

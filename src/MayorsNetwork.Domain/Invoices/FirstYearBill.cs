using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// The first invoice of a newly approved member, worked out by <see cref="FirstYearBilling.Plan"/>: the fiscal year
/// billed, the membership period, the lines (their arithmetic in words) and why.
/// </summary>
/// <param name="BilledYear">The fiscal year the invoice is for: its number and its "one invoice per year" belong to it.</param>
/// <param name="PeriodStart">The approval date: the membership starts then, whatever the policy.</param>
/// <param name="PeriodEnd">The last day of <paramref name="BilledYear"/>.</param>
/// <param name="Quote">The full year's dues from the schedule used, with the new-member discount on the full year.</param>
/// <param name="ScheduleYear">The fiscal year of the schedule used (an earlier one when the billed year has none yet).</param>
/// <param name="NextScheduleMissing">The next fiscal year is billed but has no schedule of its own: the one in force is used.</param>
/// <param name="MonthsBilled">12, or the whole months charged when prorated.</param>
/// <param name="Reason">Why this year and this amount, in words for the invoice and for staff.</param>
public sealed record FirstYearBill(
    FiscalYear BilledYear,
    FirstYearBasis Basis,
    DateOnly ApprovedOn,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DuesQuote Quote,
    decimal DiscountPercent,
    int ScheduleYear,
    bool NextScheduleMissing,
    int MonthsBilled,
    IReadOnlyList<BillLine> Lines,
    string Reason)
{
    public decimal Total => Lines.Sum(l => l.Amount);

    public bool RollsOver => Basis == FirstYearBasis.NextYear;
}

using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>Finds the schedule in force for a fiscal year and quotes dues from it.</summary>
public sealed class DuesCalculator(PortalDbContext db, TimeProvider clock, IOptions<MembershipOptions> options, IOptions<InvoiceOptions> invoiceOptions)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public FiscalYear CurrentFiscalYear => FiscalYear.Containing(Today, options.Value.FiscalYearStartMonth);

    /// <summary>The schedule of that year, or else the latest earlier one (a schedule applies until replaced).</summary>
    public Task<DuesSchedule?> ScheduleForAsync(int fiscalYear, CancellationToken cancellationToken) =>
        db.DuesSchedules.AsNoTracking()
            .Where(s => s.FiscalYear <= fiscalYear)
            .OrderByDescending(s => s.FiscalYear)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The first invoice of a member approved on <paramref name="approvedOn"/>, under <c>Invoices:FirstYear</c>; null
    /// when no schedule is in force yet.
    /// </summary>
    public async Task<FirstYearBill?> FirstYearBillAsync(DateOnly approvedOn, int population, CancellationToken cancellationToken)
    {
        var (thisYear, nextYear) = await SchedulesAroundAsync(approvedOn, cancellationToken);
        return thisYear is null ? null
            : FirstYearBilling.Plan(approvedOn, options.Value.FiscalYearStartMonth, invoiceOptions.Value.Terms(), population, thisYear, nextYear);
    }

    /// <summary>
    /// What /dues and /join show a city applying today: the dues of the year its first invoice would be for (next year's
    /// when it would roll over) and why; null when no schedule is in force yet.
    /// </summary>
    public async Task<(JoiningDuesPreview Preview, DuesSchedule Schedule)?> JoiningAsync(int population, CancellationToken cancellationToken)
    {
        var today = Today;
        var (thisYear, nextYear) = await SchedulesAroundAsync(today, cancellationToken);
        if (thisYear is null) return null;
        var preview = JoiningDuesPreview.For(today, options.Value.FiscalYearStartMonth, invoiceOptions.Value.Terms(), population, thisYear, nextYear);
        return (preview, preview.FirstInvoice.ScheduleYear == thisYear.FiscalYear ? thisYear : nextYear!);
    }

    /// <summary>The schedule in force in the fiscal year containing <paramref name="day"/>, and the next year's own one (or null).</summary>
    private async Task<(DuesSchedule? ThisYear, DuesSchedule? NextYear)> SchedulesAroundAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var year = FiscalYear.Containing(day, options.Value.FiscalYearStartMonth).Year;
        var schedules = await db.DuesSchedules.AsNoTracking()
            .Where(s => s.FiscalYear <= year + 1)
            .OrderByDescending(s => s.FiscalYear)
            .Take(2)
            .ToListAsync(cancellationToken);
        var next = schedules.FirstOrDefault(s => s.FiscalYear == year + 1);
        var current = schedules.FirstOrDefault(s => s.FiscalYear <= year);
        return (current, next);
    }
}

using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Services;

/// <summary>Finds the schedule in force for a fiscal year and quotes dues from it.</summary>
public sealed class DuesCalculator(PortalDbContext db, TimeProvider clock, IOptions<MembershipOptions> options)
{
    public FiscalYear CurrentFiscalYear =>
        FiscalYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options.Value.FiscalYearStartMonth);

    /// <summary>The schedule of that year, or else the latest earlier one (a schedule applies until replaced).</summary>
    public Task<DuesSchedule?> ScheduleForAsync(int fiscalYear, CancellationToken cancellationToken) =>
        db.DuesSchedules.AsNoTracking()
            .Where(s => s.FiscalYear <= fiscalYear)
            .OrderByDescending(s => s.FiscalYear)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<DuesQuote?> QuoteAsync(int population, bool newMember, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleForAsync(CurrentFiscalYear.Year, cancellationToken);
        return schedule?.Quote(population, newMember);
    }
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Staff.Dues;

/// <summary>Every dues schedule, newest first; past ones are read-only.</summary>
public sealed class IndexModel(PortalDbContext db, DuesCalculator calculator) : PortalPageModel
{
    public IReadOnlyList<DuesSchedule> Schedules { get; private set; } = [];

    public int CurrentFiscalYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentFiscalYear = calculator.CurrentFiscalYear.Year;
        Schedules = await db.DuesSchedules.AsNoTracking().OrderByDescending(s => s.FiscalYear).ToListAsync(cancellationToken);
    }
}

using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Web.Pages.Staff.Renewals;

/// <summary>Start next fiscal year's renewal invoices and watch the run's progress.</summary>
public sealed class IndexModel(PortalDbContext db, RenewalRuns renewals, DuesCalculator dues, UserManager<PortalUser> users) : PortalPageModel
{
    public IReadOnlyList<RenewalRun> Runs { get; private set; } = [];

    public int NextFiscalYear { get; private set; }

    public int ActiveMembers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The progress of one run as JSON, for the page's progress bar.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int fiscalYear, CancellationToken cancellationToken)
    {
        var run = await db.RenewalRuns.AsNoTracking().FirstOrDefaultAsync(r => r.FiscalYear == fiscalYear, cancellationToken);
        return run is null
            ? NotFound()
            : new JsonResult(new { issued = run.Issued, total = run.Total, completed = run.Status == RenewalRunStatus.Completed });
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var year = dues.CurrentFiscalYear.Year + 1;
        var staff = await users.GetUserAsync(User);
        var (_, error) = await renewals.StartAsync(year, staff?.FullName ?? "Staff", cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = $"The renewal run for fiscal year {year} is under way.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NextFiscalYear = dues.CurrentFiscalYear.Year + 1;
        ActiveMembers = await db.Memberships.CountAsync(m => m.Status == MembershipStatus.Active, cancellationToken);
        Runs = await db.RenewalRuns.AsNoTracking().OrderByDescending(r => r.FiscalYear).ToListAsync(cancellationToken);
    }
}

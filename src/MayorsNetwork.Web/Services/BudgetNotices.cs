using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The daily budget notice (issue 14): <c>Invoices:BudgetNoticeDays</c> before each member city's own fiscal year
/// starts, its billing contact gets next year's dues estimate by email (through the outbox), once per city fiscal year
/// (<see cref="BudgetCalendar.LastNoticedCityYear"/>, saved with the message). A day the worker missed is caught up
/// until the city's year starts (<see cref="BudgetNotice.DueOn"/>). Runs once a day on one instance (claimed in JobRuns).
/// </summary>
public sealed class BudgetNotices(
    PortalDbContext db,
    CensusFigures figures,
    MembershipEmails emails,
    Outbox outbox,
    IOptions<InvoiceOptions> terms,
    IOptions<MembershipOptions> membership,
    TimeProvider clock,
    ILogger<BudgetNotices> logger)
{
    public const string JobName = "budget-notices";
    public const string StartMonthField = "StartMonth";

    public Task<bool> TryClaimTodayAsync(CancellationToken cancellationToken) =>
        DailyJobClaim.TryClaimAsync(db, JobName, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Queues today's due notices; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var days = terms.Value.BudgetNoticeDays;
        var cities = await (
                from m in db.Memberships.AsNoTracking()
                where CensusFigures.Billed.Contains(m.Status)
                join c in db.BudgetCalendars.AsNoTracking() on m.GovernmentId equals c.GovernmentId into cs
                from c in cs.DefaultIfEmpty()
                select new { m.GovernmentId, Month = c == null ? BudgetNotice.DefaultCityStartMonth : c.FiscalYearStartMonth, Last = c == null ? null : c.LastNoticedCityYear })
            .Distinct()
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var city in cities)
        {
            if (BudgetNotice.DueOn(today, city.Month, days, city.Last) is not { } cityYear) continue;
            db.ChangeTracker.Clear();
            try
            {
                if (await NoticeAsync(city.GovernmentId, cityYear, now, cancellationToken)) sent++;
            }
            catch (DbUpdateException ex)
            {
                // Another run noticed it meanwhile, or the city changed its month: tomorrow's run looks again.
                logger.LogWarning(ex, "Budget notice skipped for government {GovernmentId}", city.GovernmentId);
            }
        }

        logger.LogInformation("Budget notices for {Today}: {Sent} queued", today, sent);
        return sent;
    }

    /// <summary>The city's budget calendar and next year's dues estimate as of today (the account pages).</summary>
    public async Task<CityBudgetEstimate> EstimateAsync(int governmentId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var calendar = await db.BudgetCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.GovernmentId == governmentId, cancellationToken);
        var month = calendar?.FiscalYearStartMonth ?? BudgetNotice.DefaultCityStartMonth;
        var cityYear = BudgetNotice.NextCityYear(today, month);
        var associationYear = BudgetNotice.AssociationYearFor(cityYear, membership.Value.FiscalYearStartMonth);
        var estimate = await figures.ComparisonAsync(governmentId, associationYear.Year, cancellationToken);
        return new CityBudgetEstimate(month, calendar?.ChangedAtUtc is not null, cityYear, BudgetNotice.NoticeDate(cityYear, terms.Value.BudgetNoticeDays), estimate);
    }

    /// <summary>The month the city's fiscal year starts, as the city records it; errors keyed by <see cref="StartMonthField"/>.</summary>
    public async Task<Outcome> SetStartMonthAsync(int governmentId, int month, string by, CancellationToken cancellationToken)
    {
        var calendar = await db.BudgetCalendars.FirstOrDefaultAsync(c => c.GovernmentId == governmentId, cancellationToken);
        if (calendar is null)
        {
            if (!await db.Governments.AnyAsync(g => g.Id == governmentId, cancellationToken)) return Outcome.Fail("Your city is no longer on record.");
            calendar = new BudgetCalendar { GovernmentId = governmentId };
            db.BudgetCalendars.Add(calendar);
        }

        var result = calendar.SetStartMonth(month, by, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded) return new Outcome(result.Errors.Select(e => new KeyValuePair<string, string>(StartMonthField, e.Message)).ToList());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateException)
        {
            // Someone else of the city saved it at the same moment.
            return Outcome.Fail("The month was being saved by someone else of your city at the same moment. Check it below and save again.");
        }
    }

    private async Task<bool> NoticeAsync(int governmentId, FiscalYear cityYear, DateTime now, CancellationToken cancellationToken)
    {
        var government = await db.Governments.AsNoTracking().SingleAsync(g => g.Id == governmentId, cancellationToken);
        var associationYear = BudgetNotice.AssociationYearFor(cityYear, membership.Value.FiscalYearStartMonth);
        if (await figures.ComparisonAsync(governmentId, associationYear.Year, cancellationToken) is not { } estimate) return false;
        var calendar = await db.BudgetCalendars.FirstOrDefaultAsync(c => c.GovernmentId == governmentId, cancellationToken);
        if (calendar is null)
        {
            calendar = new BudgetCalendar { GovernmentId = governmentId, FiscalYearStartMonth = cityYear.StartMonth };
            db.BudgetCalendars.Add(calendar);
        }

        calendar.Noticed(cityYear, now);
        var recipients = BillingRecipients.For(government);
        emails.BudgetNotice(government, cityYear, estimate).EnqueueIn(outbox, $"Budget notice FY {cityYear.Year}: {government.Name}, {government.State}", [recipients.To], recipients.Cc);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

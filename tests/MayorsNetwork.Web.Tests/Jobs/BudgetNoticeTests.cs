using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Populations;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Issue 14, item 8: <c>Invoices:BudgetNoticeDays</c> (150) before a member city's own fiscal year starts, the daily
/// worker emails its billing contact next year's dues estimate, once. From January 30 the clock moves a day at a time:
/// a July city (the default) hears on February 1 (February 2 in a leap year), once; an October city not until May 4.
/// </summary>
public abstract class BudgetNoticeTests(PortalFixture portal)
{
    [Fact]
    public async Task The_worker_sends_one_notice_on_the_notice_day_and_not_to_a_city_whose_day_is_later()
    {
        var year = portal.Clock.Today.Year;
        var t = InvoiceSeeds.Token();
        var july = await PopulationSeeds.MemberAsync(portal, $"Pasadena {t}", "CA", 138_699);
        var october = await PopulationSeeds.MemberAsync(portal, $"Tallahassee {t}", "FL", 196_169);
        await portal.WithDbAsync(async db =>
        {
            db.BudgetCalendars.Add(new BudgetCalendar { GovernmentId = october.GovernmentId, FiscalYearStartMonth = 10 });
            await db.SaveChangesAsync();
        });
        var noticeDay = BudgetNotice.NoticeDate(new FiscalYear(year + 1, 7), 150);
        Assert.Equal(new DateOnly(year, 2, DateTime.IsLeapYear(year) ? 2 : 1), noticeDay); // 150 days before July 1

        await MoveToAsync(noticeDay.AddDays(-1));
        // The day's job has run (MoveToAsync waits for it) and queues a notice in its own transaction: none yet.
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Topic.Contains(july.Name))));
        Assert.Empty(Notices(july));

        await MoveToAsync(noticeDay);
        var mail = await portal.Mail.WaitForAsync(m => m.To.Contains(july.BillingEmail) && m.Subject.Contains("budget", StringComparison.Ordinal));
        Assert.Equal($"{july.Name}'s MayorsNetwork dues for your FY {year + 1} budget: $1,750.00", mail.Subject);
        Assert.Contains(july.MayorEmail, mail.Cc);
        var text = System.Text.RegularExpressions.Regex.Replace(mail.Text, @"\s+", " ");
        Assert.Contains($"prepares its budget for the fiscal year starting July 1, {year}, here is the membership dues estimate for MayorsNetwork's fiscal year {year + 1}", text, StringComparison.Ordinal);
        Assert.Contains($"FY {year + 1} dues: $1,750.00, the same as FY {year}.", text, StringComparison.Ordinal);
        Assert.Contains($"FY {year + 1}'s dues schedule is not set yet", text, StringComparison.Ordinal);
        Assert.Contains("/account/budget", text, StringComparison.Ordinal);
        var calendar = await portal.WithDbAsync(db => db.BudgetCalendars.AsNoTracking().SingleAsync(c => c.GovernmentId == july.GovernmentId));
        Assert.Equal((7, (int?)(year + 1)), (calendar.FiscalYearStartMonth, calendar.LastNoticedCityYear));

        // The next days: not again, and nothing yet for the October city.
        await MoveToAsync(noticeDay.AddDays(1));
        await MoveToAsync(noticeDay.AddDays(2));
        await Task.Delay(1_500); // the outbox worker's next round
        Assert.Single(Notices(july));
        Assert.Empty(Notices(october));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Topic.Contains(july.Name))));
    }

    private IEnumerable<ReceivedMail> Notices(PopulationSeeds.City city) =>
        portal.Mail.Messages().Where(m => m.To.Contains(city.BillingEmail) && m.Subject.Contains("budget", StringComparison.Ordinal));

    /// <summary>Moves the clock to 09:00 UTC that day and waits until the daily worker has run the day's budget notices.</summary>
    private async Task MoveToAsync(DateOnly day)
    {
        var by = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) - portal.Clock.GetUtcNow().UtcDateTime;
        if (by > TimeSpan.Zero) portal.Clock.Advance(by);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await portal.WithDbAsync(db => db.JobRuns.AnyAsync(r => r.Name == BudgetNotices.JobName && r.LastRunOn == day && r.LastRunAtUtc != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The budget notices did not run for {day}.");
            await Task.Delay(100);
        }
    }
}

public sealed class BudgetNoticeTests_Sqlite(JanuaryThirtiethSqlitePortal portal) : BudgetNoticeTests(portal), IClassFixture<JanuaryThirtiethSqlitePortal>;

public sealed class BudgetNoticeTests_Postgres(JanuaryThirtiethPostgresPortal portal) : BudgetNoticeTests(portal), IClassFixture<JanuaryThirtiethPostgresPortal>;

public sealed class BudgetNoticeTests_SqlServer(JanuaryThirtiethSqlServerPortal portal) : BudgetNoticeTests(portal), IClassFixture<JanuaryThirtiethSqlServerPortal>;

using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using MayorsNetwork.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Issue 14, item 5, through the daily job: while payment awaits council approval no reminder is sent and the membership
/// does not move to Grace or Lapsed; when the date passes unpaid, reminders and the lifecycle resume with the held days
/// added back. The portal starts on March 2 (a fixed day, whatever today is); the test moves its clock and runs the daily
/// job itself on each day it looks at (the daily-jobs worker is left out, so that each run is known to have finished;
/// the outbox worker sends the emails). 30 days to pay, reminder 14 days before, 30 days of grace.
/// </summary>
public abstract class CouncilHoldLifecycleTests(PortalFixture portal)
{
    [Fact]
    public async Task During_the_hold_nothing_happens_and_afterwards_every_date_comes_the_held_days_later()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, portal.Clock.Today.Year, new($"Held City {InvoiceSeeds.Token()}"));
        var stored = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        var due = stored.DueOn;
        var billing = stored.BillingEmail;
        Assert.Equal(portal.Clock.Today.AddDays(30), due);

        // Five days after it was issued the clerk records: awaiting council approval, expected 5 days after the due
        // date. The hold runs from that day to the date: 31 days.
        MoveTo(due.AddDays(-25));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId, "Pat Clerk");
        var saved = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/council",
            new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due.AddDays(5)), ["Input.Note"] = "On the council's consent agenda" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        const int held = 31;

        // Held: the reminder day, the due date, the day after it, the last held day. No reminder, no Grace.
        foreach (var day in new[] { due.AddDays(-14), due, due.AddDays(1), due.AddDays(5) })
        {
            Assert.Equal(new LifecycleReport(0, 0, 0), await RunDailyJobOnAsync(day));
            Assert.Equal(MembershipStatus.Invoiced, await StatusAsync(invoice.MembershipId));
        }

        // The day after the date, unpaid: the clock runs again from where it stopped (the day the hold was recorded),
        // so nothing is due yet; the invoice has left the staff filter.
        Assert.Equal(new LifecycleReport(0, 0, 0), await RunDailyJobOnAsync(due.AddDays(6)));
        Assert.Equal(new LifecycleReport(0, 0, 0), await RunDailyJobOnAsync(due.AddDays(-14 + held - 1)));
        var staff = await portal.SignedInStaffAsync();
        Assert.Empty((await staff.GetAsync($"/staff/invoices?held=true&q={Uri.EscapeDataString(invoice.Number)}")).Document.QuerySelectorAll("tbody tr"));
        Assert.Empty(await portal.WithDbAsync(db => db.InvoiceReminders.Where(r => r.InvoiceId == invoice.Id).ToListAsync()));
        // The billing contact had only the acknowledgement of the hold.
        await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number}: payment awaits council approval, expected by {Day(due.AddDays(5))}");
        Assert.All(portal.Mail.Messages().Where(m => m.To.Contains(billing)), m => Assert.Contains("awaits council approval", m.Subject, StringComparison.Ordinal));

        // 14 days before the due date plus the 31 held days: the friendly reminder, naming the shifted due date.
        Assert.Equal(new LifecycleReport(1, 0, 0), await RunDailyJobOnAsync(due.AddDays(-14 + held)));
        var shiftedDue = due.AddDays(held);
        await portal.Mail.WaitForAsync(billing, $"Reminder: invoice {invoice.Number} is due on {Day(shiftedDue)}");

        // The due date plus 31 days: "due today", still Invoiced; the day after: Grace.
        Assert.Equal(new LifecycleReport(0, 0, 0), await RunDailyJobOnAsync(shiftedDue.AddDays(-1)));
        Assert.Equal(new LifecycleReport(1, 0, 0), await RunDailyJobOnAsync(shiftedDue));
        await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number} is due today");
        Assert.Equal(MembershipStatus.Invoiced, await StatusAsync(invoice.MembershipId));
        Assert.Equal(new LifecycleReport(1, 1, 0), await RunDailyJobOnAsync(shiftedDue.AddDays(1)));
        var pastDue = await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number} is past due");
        Assert.Contains($"was due on {Day(shiftedDue)}", pastDue.Text, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Grace, await StatusAsync(invoice.MembershipId));

        // Lapsed the held days later too: not on the last day of grace, then the day after.
        Assert.Equal(new LifecycleReport(0, 0, 0), await RunDailyJobOnAsync(shiftedDue.AddDays(30)));
        Assert.Equal(MembershipStatus.Grace, await StatusAsync(invoice.MembershipId));
        Assert.Equal(new LifecycleReport(0, 0, 1), await RunDailyJobOnAsync(shiftedDue.AddDays(31)));
        Assert.Equal(MembershipStatus.Lapsed, await StatusAsync(invoice.MembershipId));

        var history = await portal.WithDbAsync(db => db.MembershipStatusChanges.AsNoTracking()
            .Where(h => h.MembershipId == invoice.MembershipId).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal([MembershipStatus.Grace, MembershipStatus.Lapsed], history.TakeLast(2).Select(h => h.To));
        Assert.Equal($"Invoice {invoice.Number} unpaid after its due date, {Day(shiftedDue)} (31 days awaiting council approval added)", history[^2].Reason);
        Assert.EndsWith("(31 days awaiting council approval added)", history[^1].Reason, StringComparison.Ordinal);
        var reminders = await portal.WithDbAsync(db => db.InvoiceReminders.AsNoTracking().Where(r => r.InvoiceId == invoice.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([ReminderKind.BeforeDue, ReminderKind.OnDueDate, ReminderKind.EnteringGrace], reminders.Order());
    }

    /// <summary>Moves the clock to 09:00 on <paramref name="day"/> and runs that day's daily job, as the worker would.</summary>
    private async Task<LifecycleReport> RunDailyJobOnAsync(DateOnly day)
    {
        MoveTo(day);
        LifecycleReport? report = null;
        await portal.WithScopeAsync(async sp =>
        {
            var job = sp.GetRequiredService<DuesLifecycle>();
            Assert.True(await job.TryClaimTodayAsync(CancellationToken.None), $"The daily job had already run on {day}.");
            report = await job.RunAsync(CancellationToken.None);
        });
        return report!;
    }

    private void MoveTo(DateOnly day)
    {
        var by = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) - portal.Clock.GetUtcNow().UtcDateTime;
        Assert.True(by > TimeSpan.Zero, $"The clock is already past {day}.");
        portal.Clock.Advance(by);
    }

    private Task<MembershipStatus> StatusAsync(int membershipId) =>
        portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The portal without its daily-jobs worker: the test runs the daily job itself.</summary>
    internal static void WithoutDailyJobsWorker(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DailyJobsWorker)));
}

public sealed class HeldInvoiceSqlitePortal : SqlitePortal
{
    public HeldInvoiceSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override void ConfigureTestServices(IServiceCollection services) => CouncilHoldLifecycleTests.WithoutDailyJobsWorker(services);
}

public sealed class HeldInvoicePostgresPortal : PostgresPortal
{
    public HeldInvoicePostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override void ConfigureTestServices(IServiceCollection services) => CouncilHoldLifecycleTests.WithoutDailyJobsWorker(services);
}

public sealed class HeldInvoiceSqlServerPortal : SqlServerPortal
{
    public HeldInvoiceSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override void ConfigureTestServices(IServiceCollection services) => CouncilHoldLifecycleTests.WithoutDailyJobsWorker(services);
}

public sealed class CouncilHoldLifecycleTests_Sqlite(HeldInvoiceSqlitePortal portal) : CouncilHoldLifecycleTests(portal), IClassFixture<HeldInvoiceSqlitePortal>;

public sealed class CouncilHoldLifecycleTests_Postgres(HeldInvoicePostgresPortal portal) : CouncilHoldLifecycleTests(portal), IClassFixture<HeldInvoicePostgresPortal>;

public sealed class CouncilHoldLifecycleTests_SqlServer(HeldInvoiceSqlServerPortal portal) : CouncilHoldLifecycleTests(portal), IClassFixture<HeldInvoiceSqlServerPortal>;

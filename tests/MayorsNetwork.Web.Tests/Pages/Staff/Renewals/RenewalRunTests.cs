using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Renewals;

/// <summary>Staff start next year's renewal invoices; the worker issues one per active member, restartable without duplicates.</summary>
public abstract class RenewalRunTests(PortalFixture portal)
{
    [Fact]
    public async Task The_run_invoices_every_active_member_once_and_can_be_resumed_without_duplicates()
    {
        var staff = await portal.SignedInStaffAsync();
        var members = new List<int>();
        for (var i = 0; i < 3; i++) members.Add((await Workflow.ApplyAndApproveAsync(portal, staff: staff, form: DatedPortals.Application(portal))).MembershipId);
        await portal.WithDbAsync(async db =>
        {
            foreach (var m in await db.Memberships.Where(m => members.Contains(m.Id)).ToListAsync())
                m.MoveTo(MembershipStatus.Active, null, "Test", "Paid", portal.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return 0;
        });
        var activeNow = await portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Status == MembershipStatus.Active));
        var page = await staff.GetAsync("/staff/renewals");
        var nextYear = int.Parse(System.Text.RegularExpressions.Regex.Match(page.One("[data-testid=start-renewals]")!.TextContent, @"\d{4}").Value, System.Globalization.CultureInfo.InvariantCulture);

        var started = await staff.SubmitAsync(page, new Dictionary<string, string?>(), "form:has([data-testid=start-renewals])");
        Assert.Equal(HttpStatusCode.Redirect, started.Status);

        var run = await WaitForCompletedAsync(nextYear);
        Assert.Equal(activeNow, run.Total);
        Assert.Equal(activeNow, run.Issued);
        var invoices = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.FiscalYear == nextYear).ToListAsync());
        Assert.Equal(activeNow, invoices.Count);
        Assert.All(invoices, i => Assert.Equal(InvoiceKind.Renewal, i.Kind));
        // Renewals carry no new-member discount: 100,000–200,000 is $1,750.
        Assert.All(invoices.Where(i => members.Contains(i.MembershipId)), i => Assert.Equal(1_750m, i.Total));
        Assert.Equal(Enumerable.Range(1, activeNow), invoices.Select(i => i.Sequence).Order());
        var shown = await staff.GetAsync("/staff/renewals");
        Assert.Equal("Completed", shown.One($"[data-testid=run-{nextYear}] [data-testid=state]")!.TextContent);
        Assert.Equal(activeNow.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.One($"[data-testid=run-{nextYear}] [data-testid=issued]")!.TextContent);

        // Starting again after completion is refused; resuming an interrupted run issues only what is missing.
        var again = await staff.PostAsync("/staff/renewals?handler=Start", [new("__RequestVerificationToken", shown.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        Assert.Contains("already been completed", again.Text, StringComparison.Ordinal);
        await portal.WithDbAsync(async db =>
        {
            var r = await db.RenewalRuns.SingleAsync(x => x.FiscalYear == nextYear);
            r.Status = RenewalRunStatus.Running;
            await db.SaveChangesAsync();
            return 0;
        });
        await WaitForCompletedAsync(nextYear);
        Assert.Equal(activeNow, await portal.WithDbAsync(db => db.Invoices.CountAsync(i => i.FiscalYear == nextYear)));

        foreach (var invoice in invoices.Where(i => members.Contains(i.MembershipId)))
        {
            var mail = await portal.Mail.WaitForAsync(invoice.BillingEmail, invoice.Number);
            Assert.Single(mail.Attachments);
        }
    }

    private async Task<RenewalRun> WaitForCompletedAsync(int fiscalYear)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await portal.WithDbAsync(db => db.RenewalRuns.AsNoTracking().SingleOrDefaultAsync(r => r.FiscalYear == fiscalYear));
            if (run is { Status: RenewalRunStatus.Completed }) return run;
            Assert.True(DateTime.UtcNow < deadline, $"The renewal run did not complete: {run?.Issued} of {run?.Total}.");
            await Task.Delay(100);
        }
    }
}

// On June 15, outside the last three months of the fiscal year, approval invoices the current year (Invoices:FirstYear
// is Rollover by default), so the approved members are the renewal run's to invoice whatever the date the tests run on.
public sealed class JuneSqlitePortal : SqlitePortal
{
    public JuneSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(6, 15));
}

public sealed class JunePostgresPortal : PostgresPortal
{
    public JunePostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(6, 15));
}

public sealed class JuneSqlServerPortal : SqlServerPortal
{
    public JuneSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(6, 15));
}

public sealed class RenewalRunTests_Sqlite(JuneSqlitePortal portal) : RenewalRunTests(portal), IClassFixture<JuneSqlitePortal>;

public sealed class RenewalRunTests_Postgres(JunePostgresPortal portal) : RenewalRunTests(portal), IClassFixture<JunePostgresPortal>;

public sealed class RenewalRunTests_SqlServer(JuneSqlServerPortal portal) : RenewalRunTests(portal), IClassFixture<JuneSqlServerPortal>;

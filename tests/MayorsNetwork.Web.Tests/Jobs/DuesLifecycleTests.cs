using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// The daily job, driven by the portal's clock: reminders before and on the due date, Grace after it,
/// Lapsed after the grace period. One scenario per fixture, because it moves the clock forward.
/// </summary>
public abstract class DuesLifecycleTests(PortalFixture portal)
{
    [Fact]
    public async Task An_unpaid_invoice_brings_reminders_then_grace_then_lapse()
    {
        var approved = await Workflow.ApplyAndApproveAsync(portal);
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        var billing = approved.Form["Input.BillingEmail"]!;
        await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number} from");

        // 14 days before the due date (30 days to pay): a friendly reminder; the member stays Invoiced.
        MoveTo(invoice.DueOn.AddDays(-14));
        var before = await portal.Mail.WaitForAsync(billing, $"Reminder: invoice {invoice.Number} is due on");
        Assert.Contains(approved.Form["Input.MayorEmail"]!, before.Cc);
        Assert.Single(before.Attachments);
        Assert.Equal(MembershipStatus.Invoiced, await StatusAsync(approved.MembershipId));

        // On the due date.
        MoveTo(invoice.DueOn);
        await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number} is due today");
        Assert.Equal(MembershipStatus.Invoiced, await StatusAsync(approved.MembershipId));

        // The day after: Grace, with a notice, recorded as done by the daily job.
        MoveTo(invoice.DueOn.AddDays(1));
        var grace = await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number} is past due");
        Assert.Contains("grace period", grace.Text, StringComparison.Ordinal);
        await WaitForStatusAsync(approved.MembershipId, MembershipStatus.Grace);

        // After the 30-day grace period: Lapsed.
        MoveTo(invoice.DueOn.AddDays(31));
        await WaitForStatusAsync(approved.MembershipId, MembershipStatus.Lapsed);
        var history = await portal.WithDbAsync(db => db.MembershipStatusChanges.AsNoTracking()
            .Where(h => h.MembershipId == approved.MembershipId).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(
            [MembershipStatus.Applied, MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Grace, MembershipStatus.Lapsed],
            history.Select(h => h.To));
        Assert.Contains("grace period", history[^1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Dues lifecycle", history[^1].ByName, StringComparison.Ordinal);

        // Each reminder went out exactly once, however many times the job ran.
        var reminders = await portal.WithDbAsync(db => db.InvoiceReminders.AsNoTracking().Where(r => r.InvoiceId == invoice.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([ReminderKind.BeforeDue, ReminderKind.OnDueDate, ReminderKind.EnteringGrace], reminders.Order());
        Assert.Single(portal.Mail.Messages(), m => m.Subject.Contains($"Invoice {invoice.Number} is past due", StringComparison.Ordinal));
    }

    private void MoveTo(DateOnly day)
    {
        var target = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var by = target - portal.Clock.GetUtcNow().UtcDateTime;
        if (by > TimeSpan.Zero) portal.Clock.Advance(by);
    }

    private Task<MembershipStatus> StatusAsync(int membershipId) =>
        portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync());

    private async Task WaitForStatusAsync(int membershipId, MembershipStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await StatusAsync(membershipId) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The membership did not become {expected}; it is {await StatusAsync(membershipId)}.");
            await Task.Delay(100);
        }
    }
}

public sealed class DuesLifecycleTests_Sqlite(SqlitePortal portal) : DuesLifecycleTests(portal), IClassFixture<SqlitePortal>;

public sealed class DuesLifecycleTests_Postgres(PostgresPortal portal) : DuesLifecycleTests(portal), IClassFixture<PostgresPortal>;

public sealed class DuesLifecycleTests_SqlServer(SqlServerPortal portal) : DuesLifecycleTests(portal), IClassFixture<SqlServerPortal>;

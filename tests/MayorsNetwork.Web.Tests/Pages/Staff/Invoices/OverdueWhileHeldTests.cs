using System.Globalization;
using System.Net;
using MayorsNetwork.Web.Tests.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>
/// Issue 14, item 5, on the staff invoice list and page: an invoice awaiting council approval is not "Overdue" (tag or
/// "Overdue only" filter) until its effective due date, the printed one plus the held days, even after the hold ran out.
/// An unheld invoice with the same due date is overdue the day after it. The portal starts on March 2 (30 days to pay).
/// </summary>
public abstract class OverdueWhileHeldTests(PortalFixture portal)
{
    [Fact]
    public async Task A_held_invoice_is_overdue_only_after_its_due_date_plus_the_held_days()
    {
        var year = portal.Clock.Today.Year;
        var held = await InvoiceSeeds.AddOneAsync(portal, year, new($"Held City {InvoiceSeeds.Token()}"));
        var unheld = await InvoiceSeeds.AddOneAsync(portal, year, new($"Unheld City {InvoiceSeeds.Token()}"));
        var due = await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == held.Id).Select(i => i.DueOn).SingleAsync());

        // Recorded 25 days before the due date, expected 5 days after it: 31 held days.
        MoveTo(due.AddDays(-25));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, held.GovernmentId, "Pat Clerk");
        var saved = await member.SubmitFormAsync($"/account/invoices/{held.Number}/council",
            new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due.AddDays(5)), ["Input.Note"] = "Consent agenda" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var effectiveDue = due.AddDays(31);

        // While held (past the printed due date), and after the hold ran out but before the effective due date: not overdue.
        foreach (var day in new[] { due.AddDays(3), due.AddDays(6), effectiveDue })
        {
            MoveTo(day);
            var staff = await portal.SignedInStaffAsync();
            Assert.False(await ListedAsOverdueAsync(staff, held.Number), $"{held.Number} was listed as overdue on {day}.");
            Assert.False(await TaggedOverdueAsync(staff, held.Id, held.Number), $"{held.Number} was tagged overdue on {day}.");
            Assert.True(await ListedAsOverdueAsync(staff, unheld.Number), $"{unheld.Number} was not listed as overdue on {day}.");
            Assert.True(await TaggedOverdueAsync(staff, unheld.Id, unheld.Number));
        }

        // The day after the effective due date, unpaid: overdue in the filter, the list and on its page.
        MoveTo(effectiveDue.AddDays(1));
        var later = await portal.SignedInStaffAsync();
        Assert.True(await ListedAsOverdueAsync(later, held.Number));
        Assert.True(await TaggedOverdueAsync(later, held.Id, held.Number));
    }

    /// <summary>Whether "Overdue only" lists the invoice, and then with its tag.</summary>
    private static async Task<bool> ListedAsOverdueAsync(PortalClient staff, string number)
    {
        var page = await staff.GetAsync($"/staff/invoices?overdue=true&q={Uri.EscapeDataString(number)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelector($"tbody tr[data-number='{number}']");
        if (row is null) return false;
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));
        return true;
    }

    /// <summary>Whether the unfiltered list's row and the invoice's own page carry the Overdue tag (they must agree).</summary>
    private static async Task<bool> TaggedOverdueAsync(PortalClient staff, int id, string number)
    {
        var list = await staff.GetAsync($"/staff/invoices?q={Uri.EscapeDataString(number)}");
        var row = list.Document.QuerySelector($"tbody tr[data-number='{number}']");
        Assert.NotNull(row);
        var inList = row.QuerySelector("[data-testid=overdue]") is not null;
        var detail = await staff.GetAsync($"/staff/invoices/{id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(inList, detail.Document.QuerySelector("[data-testid=overdue]") is not null);
        return inList;
    }

    private void MoveTo(DateOnly day)
    {
        var by = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) - portal.Clock.GetUtcNow().UtcDateTime;
        Assert.True(by > TimeSpan.Zero, $"The clock is already past {day}.");
        portal.Clock.Advance(by);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class OverdueWhileHeldTests_Sqlite(HeldInvoiceSqlitePortal portal) : OverdueWhileHeldTests(portal), IClassFixture<HeldInvoiceSqlitePortal>;

public sealed class OverdueWhileHeldTests_Postgres(HeldInvoicePostgresPortal portal) : OverdueWhileHeldTests(portal), IClassFixture<HeldInvoicePostgresPortal>;

public sealed class OverdueWhileHeldTests_SqlServer(HeldInvoiceSqlServerPortal portal) : OverdueWhileHeldTests(portal), IClassFixture<HeldInvoiceSqlServerPortal>;

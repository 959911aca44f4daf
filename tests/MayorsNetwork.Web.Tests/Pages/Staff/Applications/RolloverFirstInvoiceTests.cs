using System.Globalization;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>
/// Issue 14's example, under the default first-year policy (Rollover, 3 months, a January fiscal year): a city
/// approved on December 4 is invoiced for the next fiscal year, and its membership runs from approval to the end of it.
/// Before this, it was billed in full for the 27 days left, "due January 3" for a period that had already ended.
/// </summary>
public abstract class RolloverFirstInvoiceTests(PortalFixture portal)
{
    [Fact]
    public async Task A_city_approved_on_December_4_is_invoiced_for_next_fiscal_year_from_approval_to_its_end()
    {
        var today = portal.Clock.Today;
        Assert.Equal((12, 4), (today.Month, today.Day));
        var (y, next) = (today.Year, today.Year + 1);

        var approved = await Workflow.ApplyAndApproveAsync(portal, form: DatedPortals.Application(portal));

        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.MembershipId == approved.MembershipId));
        Assert.Equal(next, invoice.FiscalYear);
        Assert.StartsWith($"{next}-", invoice.Number, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(y, 12, 4), new DateOnly(next, 12, 31)), (invoice.PeriodStart, invoice.PeriodEnd));
        Assert.Equal(new DateOnly(next, 1, 3), invoice.DueOn);
        // Next year's schedule is not set, so the one in force (this year's ICLEI tiers) prices it: $1,750 less 25%.
        Assert.Equal(
            [($"Membership dues, FY {next}: population 108,250, bracket 100,000 to 199,999", 1_750.00m), ("New-member discount, 25% of the first year", -437.50m)],
            invoice.Lines.OrderBy(l => l.Id).Select(l => (l.Description, l.Amount)));
        Assert.Equal(1_312.50m, invoice.Total);

        var page = await approved.Staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Contains($"December 4, {y} to December 31, {next} (FY {next}, first year)", page.Text, StringComparison.Ordinal);

        var mail = await portal.Mail.WaitForAsync(approved.Form["Input.BillingEmail"]!, invoice.Number);
        Assert.Contains($"for the period December 4, {y} to December 31, {next}", mail.Text, StringComparison.Ordinal);
        var pdf = await InvoiceSeeds.PdfRawTextAsync(Assert.Single(mail.Attachments).Content);
        Assert.Contains($"Dec 4, {y} – Dec 31, {next}", pdf, StringComparison.Ordinal);
        Assert.Contains($"Membership dues, FY {next}: population 108,250", pdf, StringComparison.Ordinal);
        Assert.Contains($"Payment is due by January 3, {next}.", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain($"FY {y}", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_years_renewal_run_does_not_invoice_again_a_city_that_joined_for_next_year()
    {
        var next = portal.Clock.Today.Year + 1;
        var approved = await Workflow.ApplyAndApproveAsync(portal, form: DatedPortals.Application(portal));
        var first = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        Assert.Equal(next, first.FiscalYear);
        await portal.WithDbAsync(async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Id == approved.MembershipId);
            m.MoveTo(MembershipStatus.Active, null, "Test", "Paid", portal.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        var page = await approved.Staff.GetAsync("/staff/renewals");
        Assert.Contains($"fiscal year {next}", page.One("[data-testid=start-renewals]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await approved.Staff.SubmitAsync(page, new Dictionary<string, string?>(), "form:has([data-testid=start-renewals])")).Status);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await portal.WithDbAsync(db => db.RenewalRuns.AnyAsync(r => r.FiscalYear == next && r.Status == RenewalRunStatus.Completed)) is false)
        {
            Assert.True(DateTime.UtcNow < deadline, "The renewal run did not complete.");
            await Task.Delay(100);
        }

        var invoices = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.MembershipId == approved.MembershipId).ToListAsync());
        Assert.Equal(first.Number, Assert.Single(invoices).Number);
    }

    [Fact]
    public async Task Staff_deciding_an_application_see_the_dues_approval_would_bill_and_why()
    {
        var next = portal.Clock.Today.Year + 1;
        var joined = await ApplicationsUnderReview.ApplyAsync(portal, DatedPortals.Application(portal));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync(joined.DetailUrl);

        // The figure the invoice will carry ($1,750 less the 25% new-member discount), and the reason it is next year's.
        Assert.StartsWith("$1,312.50", page.One("[data-testid=quote]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"Applications approved from October 1, {next - 1} are invoiced for FY {next}",
            page.One("[data-testid=quote-note]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dues_calculator_says_that_an_application_now_is_invoiced_for_next_year_at_the_dues_in_force()
    {
        var next = portal.Clock.Today.Year + 1;

        var page = await portal.Client().GetAsync("/dues?population=60000");

        Assert.Equal(next.ToString(CultureInfo.InvariantCulture), page.One("[data-testid=dues-year]")!.TextContent);
        Assert.Equal("$1,200.00", page.One("[data-testid=dues-amount]")!.TextContent);
        Assert.Equal(
            $"Applications approved from October 1, {next - 1} are invoiced for FY {next}, and membership runs from approval to December 31, {next}. " +
            $"FY {next}'s dues are not set yet: these are the dues in force now, which apply until they are, so the invoice may differ.",
            page.One("[data-testid=dues-why]")!.TextContent);
    }

}

public sealed class DecemberFourthSqlitePortal : SqlitePortal
{
    public DecemberFourthSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(12, 4));
}

public sealed class DecemberFourthPostgresPortal : PostgresPortal
{
    public DecemberFourthPostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(12, 4));
}

public sealed class DecemberFourthSqlServerPortal : SqlServerPortal
{
    public DecemberFourthSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(12, 4));
}

public sealed class RolloverFirstInvoiceTests_Sqlite(DecemberFourthSqlitePortal portal) : RolloverFirstInvoiceTests(portal), IClassFixture<DecemberFourthSqlitePortal>;

public sealed class RolloverFirstInvoiceTests_Postgres(DecemberFourthPostgresPortal portal) : RolloverFirstInvoiceTests(portal), IClassFixture<DecemberFourthPostgresPortal>;

public sealed class RolloverFirstInvoiceTests_SqlServer(DecemberFourthSqlServerPortal portal) : RolloverFirstInvoiceTests(portal), IClassFixture<DecemberFourthSqlServerPortal>;

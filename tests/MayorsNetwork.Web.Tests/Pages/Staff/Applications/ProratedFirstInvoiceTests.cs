using System.Globalization;
using System.Text.RegularExpressions;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>
/// <c>Invoices:FirstYear=Prorated</c>: approved on March 2, a city is invoiced for the whole months left (April to
/// December: 9), as a line that shows the arithmetic, the new-member discount taken from the prorated amount.
/// </summary>
public abstract class ProratedFirstInvoiceTests(PortalFixture portal)
{
    [Fact]
    public async Task A_city_approved_on_March_2_is_invoiced_for_the_nine_whole_months_left_with_the_arithmetic_on_the_invoice()
    {
        var y = portal.Clock.Today.Year;
        Assert.Equal(new DateOnly(y, 3, 2), portal.Clock.Today);

        var approved = await Workflow.ApplyAndApproveAsync(portal, form: DatedPortals.Application(portal));

        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.MembershipId == approved.MembershipId));
        Assert.Equal(y, invoice.FiscalYear);
        Assert.Equal((new DateOnly(y, 3, 2), new DateOnly(y, 12, 31)), (invoice.PeriodStart, invoice.PeriodEnd));
        // $1,750 × 9/12 = $1,312.50; 25% of it is $328.125, rounded away from zero as dues are: $328.13.
        var line = $"Membership dues, FY {y}, 9 of 12 months (April {y} to December {y}): population 108,250, bracket 100,000 to 199,999; $1,750.00 × 9/12 = $1,312.50";
        Assert.Equal(
            [(line, 1_312.50m), ("New-member discount, 25% of $1,312.50", -328.13m)],
            invoice.Lines.OrderBy(l => l.Id).Select(l => (l.Description, l.Amount)));
        Assert.Equal(984.37m, invoice.Total);

        var page = await approved.Staff.GetAsync($"/staff/invoices/{invoice.Id}");
        var lines = page.Document.QuerySelectorAll("[data-testid=lines] tbody tr").Select(r => Squash(r.TextContent)).ToList();
        Assert.Contains(line, lines[0], StringComparison.Ordinal);
        Assert.Equal("$984.37", page.One("[data-testid=total]")!.TextContent.Trim());

        var mail = await portal.Mail.WaitForAsync(approved.Form["Input.BillingEmail"]!, invoice.Number);
        Assert.Contains("$984.37", mail.Text, StringComparison.Ordinal);
        var pdf = Squash(await InvoiceSeeds.PdfRawTextAsync(Assert.Single(mail.Attachments).Content));
        Assert.Contains($"Mar 2, {y} – Dec 31, {y}", pdf, StringComparison.Ordinal);
        Assert.Contains("$1,750.00 × 9/12 = $1,312.50", pdf, StringComparison.Ordinal);
        Assert.Contains("New-member discount, 25% of $1,312.50", pdf, StringComparison.Ordinal);
        Assert.Contains("-$328.13", pdf, StringComparison.Ordinal);
        Assert.Contains("$984.37", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dues_calculator_and_the_application_form_say_what_the_first_invoice_would_charge_today()
    {
        var y = portal.Clock.Today.Year;
        const string why = "These are FY {0}'s dues for a whole year. Approved today, the first invoice would charge the 9 whole months left: $1,312.50, $984.37 after the new-member discount.";

        var dues = await portal.Client().GetAsync("/dues?population=108250");
        Assert.Equal("$1,750.00", dues.One("[data-testid=dues-amount]")!.TextContent);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, why, y), dues.One("[data-testid=dues-why]")!.TextContent);

        var join = await portal.Client().SubmitFormAsync("/join", DatedPortals.Application(portal), submitSelector: "#show-dues");
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, why, y), join.One("[data-testid=join-dues-why]")!.TextContent);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class ProratedMarchSecondSqlitePortal : SqlitePortal
{
    public ProratedMarchSecondSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Invoices:FirstYear", "Prorated")];
}

public sealed class ProratedMarchSecondPostgresPortal : PostgresPortal
{
    public ProratedMarchSecondPostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Invoices:FirstYear", "Prorated")];
}

public sealed class ProratedMarchSecondSqlServerPortal : SqlServerPortal
{
    public ProratedMarchSecondSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(3, 2));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Invoices:FirstYear", "Prorated")];
}

public sealed class ProratedFirstInvoiceTests_Sqlite(ProratedMarchSecondSqlitePortal portal) : ProratedFirstInvoiceTests(portal), IClassFixture<ProratedMarchSecondSqlitePortal>;

public sealed class ProratedFirstInvoiceTests_Postgres(ProratedMarchSecondPostgresPortal portal) : ProratedFirstInvoiceTests(portal), IClassFixture<ProratedMarchSecondPostgresPortal>;

public sealed class ProratedFirstInvoiceTests_SqlServer(ProratedMarchSecondSqlServerPortal portal) : ProratedFirstInvoiceTests(portal), IClassFixture<ProratedMarchSecondSqlServerPortal>;

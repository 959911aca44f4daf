using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>
/// /staff/invoices: 25 a page, filtered by status, fiscal year and overdue, searched by member or number.
/// Each test seeds a fiscal year of its own, so the others' invoices do not show in its results.
/// </summary>
public abstract class ListingInvoicesTests(PortalFixture portal)
{
    private static List<string> Numbers(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=invoices] tbody tr").Select(r => r.GetAttribute("data-number")!).ToList();

    private static string Cell(PageResult page, string number, string testId) =>
        page.One($"tr[data-number='{number}'] [data-testid={testId}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"No {testId} for {number}");

    [Fact]
    public async Task Thirty_invoices_of_a_year_show_25_on_the_first_page_and_the_other_5_on_the_second()
    {
        var token = InvoiceSeeds.Token();
        var seeded = await InvoiceSeeds.AddAsync(portal, 2071, Enumerable.Range(1, 30).Select(i => new InvoiceSeeds.Spec($"Pageton {token} {i:00}")).ToArray());
        var staff = await portal.SignedInStaffAsync();

        var first = await staff.GetAsync("/staff/invoices?year=2071");

        Assert.Contains("30 found", first.Text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first.Text, StringComparison.Ordinal);
        var firstNumbers = Numbers(first);
        Assert.Equal(25, firstNumbers.Count);
        // Newest number first.
        Assert.Equal(seeded.Select(s => s.Number).OrderDescending(StringComparer.Ordinal).Take(25), firstNumbers);

        var second = await staff.GetAsync(first.One("[data-testid=next-page]")!.GetAttribute("href")!);

        Assert.Contains("Page 2 of 2", second.Text, StringComparison.Ordinal);
        var secondNumbers = Numbers(second);
        Assert.Equal(5, secondNumbers.Count);
        Assert.Equal(seeded.Select(s => s.Number).Order(StringComparer.Ordinal), firstNumbers.Concat(secondNumbers).Order(StringComparer.Ordinal));
        Assert.Null(second.One("[data-testid=next-page]"));
    }

    [Fact]
    public async Task The_status_filter_shows_only_invoices_in_that_status_with_their_balances()
    {
        var token = InvoiceSeeds.Token();
        var seeded = await InvoiceSeeds.AddAsync(portal, 2072,
            new($"Statusville {token} A", InvoiceStatus.Sent),
            new($"Statusville {token} B", InvoiceStatus.Sent),
            new($"Statusville {token} C", InvoiceStatus.Issued),
            new($"Statusville {token} D", InvoiceStatus.Paid),
            new($"Statusville {token} E", InvoiceStatus.Paid),
            new($"Statusville {token} F", InvoiceStatus.Void));
        var staff = await portal.SignedInStaffAsync();

        var paid = await staff.GetAsync("/staff/invoices?year=2072&status=Paid");
        var voided = await staff.GetAsync("/staff/invoices?year=2072&status=Void");
        var sent = await staff.GetAsync("/staff/invoices?year=2072&status=Sent");
        var all = await staff.GetAsync("/staff/invoices?year=2072&status=all");

        Assert.Equal([seeded[4].Number, seeded[3].Number], Numbers(paid));
        Assert.All(Numbers(paid), n => Assert.Equal("Paid", Cell(paid, n, "status")));
        Assert.All(Numbers(paid), n => Assert.Equal("$0.00", Cell(paid, n, "balance")));
        Assert.Equal([seeded[5].Number], Numbers(voided));
        Assert.Equal("-", Cell(voided, seeded[5].Number, "balance"));
        Assert.Equal([seeded[1].Number, seeded[0].Number], Numbers(sent));
        Assert.Equal("$1,312.50", Cell(sent, seeded[0].Number, "balance"));
        Assert.Equal(6, Numbers(all).Count);
        Assert.Contains("6 found", all.Text, StringComparison.Ordinal);
        // The row shows member, state, fiscal year, total and due date (30 days from today) too.
        var row = all.One($"tr[data-number='{seeded[2].Number}']")!.TextContent;
        Assert.Contains($"Statusville {token} C", row, StringComparison.Ordinal);
        Assert.Contains("CO", row, StringComparison.Ordinal);
        Assert.Contains("2072", row, StringComparison.Ordinal);
        Assert.Contains("$1,312.50", row, StringComparison.Ordinal);
        Assert.Contains(portal.Clock.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_only_shows_open_invoices_whose_due_date_has_passed()
    {
        var token = InvoiceSeeds.Token();
        var seeded = await InvoiceSeeds.AddAsync(portal, 2073,
            new($"Lateton {token} sent ten days late", InvoiceStatus.Sent, DueInDays: -10),
            new($"Lateton {token} issued a day late", InvoiceStatus.Issued, DueInDays: -1),
            new($"Lateton {token} due today", InvoiceStatus.Sent, DueInDays: 0),
            new($"Lateton {token} paid", InvoiceStatus.Paid, DueInDays: -10),
            new($"Lateton {token} void", InvoiceStatus.Void, DueInDays: -10),
            new($"Lateton {token} not yet due", InvoiceStatus.Sent, DueInDays: 20));
        var staff = await portal.SignedInStaffAsync();

        var overdue = await staff.GetAsync("/staff/invoices?year=2073&overdue=true");
        var all = await staff.GetAsync("/staff/invoices?year=2073");

        Assert.Equal([seeded[1].Number, seeded[0].Number], Numbers(overdue));
        Assert.All(Numbers(overdue), n => Assert.Equal("Overdue", Cell(overdue, n, "overdue")));
        Assert.Equal(6, Numbers(all).Count);
        Assert.Null(all.One($"tr[data-number='{seeded[2].Number}'] [data-testid=overdue]"));
        Assert.True(overdue.One("#overdue")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Searching_finds_a_member_whatever_the_case_and_accents_or_by_invoice_number()
    {
        var token = InvoiceSeeds.Token();
        var seeded = await InvoiceSeeds.AddAsync(portal, 2074,
            new($"Española {token}"),
            new($"Santa Fe {token}"));
        var staff = await portal.SignedInStaffAsync();

        var byName = await staff.GetAsync($"/staff/invoices?q={Uri.EscapeDataString($"espanola {token}")}");
        var byNumber = await staff.GetAsync($"/staff/invoices?q={seeded[1].Number}");
        var nothing = await staff.GetAsync($"/staff/invoices?q=nowhere-{token}");

        Assert.Equal([seeded[0].Number], Numbers(byName));
        Assert.Contains($"Española {token}", byName.Text, StringComparison.Ordinal);
        Assert.Equal([seeded[1].Number], Numbers(byNumber));
        Assert.Contains("No invoices match.", nothing.Text, StringComparison.Ordinal);
        Assert.Contains("0 found", nothing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fiscal_year_filter_offers_the_years_invoiced_and_keeps_to_the_one_chosen()
    {
        var token = InvoiceSeeds.Token();
        var in2075 = await InvoiceSeeds.AddOneAsync(portal, 2075, new($"Yearly {token} A"));
        var in2076 = await InvoiceSeeds.AddOneAsync(portal, 2076, new($"Yearly {token} B"));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync($"/staff/invoices?q={token}&year=2075");
        var both = await staff.GetAsync($"/staff/invoices?q={token}");

        Assert.Equal([in2075.Number], Numbers(page));
        var years = page.Document.QuerySelectorAll("#year option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("2075", years);
        Assert.Contains("2076", years);
        Assert.Equal("2075", page.Document.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        Assert.Equal([in2076.Number, in2075.Number], Numbers(both));
    }
}

public sealed class ListingInvoicesTests_Sqlite(SqlitePortal portal) : ListingInvoicesTests(portal), IClassFixture<SqlitePortal>;

public sealed class ListingInvoicesTests_Postgres(PostgresPortal portal) : ListingInvoicesTests(portal), IClassFixture<PostgresPortal>;

public sealed class ListingInvoicesTests_SqlServer(SqlServerPortal portal) : ListingInvoicesTests(portal), IClassFixture<SqlServerPortal>;

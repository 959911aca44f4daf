using System.Globalization;
using AngleSharp.Dom;
using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Account.Invoices;

/// <summary>
/// Issue 14, item 5: the city (on /account/invoices/{number}/council) or staff (on the invoice page) record that payment
/// of an unpaid invoice awaits council approval, expected by a date at most Invoices:CouncilHoldMaxDays (120) after the
/// due date; moving the date is recorded and shown on both pages; /staff/invoices filters for held invoices. (Dallas
/// paid its NLC and USCM dues by council resolution; a dues invoice can sit unpaid for weeks for that reason.)
/// All dates are worked out from the portal's clock.
/// </summary>
public abstract class CouncilApprovalTests(PortalFixture portal)
{
    [Fact]
    public async Task The_city_records_that_payment_awaits_council_approval_and_staff_find_the_invoice_with_the_filter()
    {
        var token = InvoiceSeeds.Token();
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2151, new($"Dallas {token}"));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2151, new($"Notheld {token}"));
        var due = await DueOnAsync(invoice.Id);
        var expected = due.AddDays(20);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId, "Pat Clerk");
        var list = await member.GetAsync("/account/invoices");
        var form = await member.GetAsync(list.One($"tr[data-number='{invoice.Number}'] [data-testid=council-link]")!.GetAttribute("href")!);
        Assert.Contains($"From today to {Day(due.AddDays(120))}", form.One("#Input_ExpectedBy-hint")!.TextContent, StringComparison.Ordinal);

        var saved = await member.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.ExpectedBy"] = Iso(expected),
            ["Input.Note"] = "Council votes on the dues resolution (Legistar 22-1998) at its next meeting.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await member.GetAsync(saved.Location!);
        Assert.Contains($"Invoice {invoice.Number}: payment awaits council approval, expected by {Day(expected)}. No reminders are sent until then.", after.Text, StringComparison.Ordinal);
        Assert.Equal($"Awaiting council approval, expected by {Day(expected)}", after.One($"tr[data-number='{invoice.Number}'] [data-testid=council]")!.TextContent.Trim());
        var hold = await HoldAsync(invoice.Id);
        Assert.NotNull(hold);
        Assert.Equal(expected, hold.ExpectedBy);
        var change = Assert.Single(hold.Changes);
        Assert.Equal((CouncilHoldChangeKind.Recorded, (DateOnly?)null, (DateOnly?)expected, "Pat Clerk", portal.Clock.Today), (change.Kind, change.PreviousDate, change.ExpectedBy, change.ByName, change.On));
        Assert.StartsWith("Council votes on the dues resolution", change.Note, StringComparison.Ordinal);

        // The billing contact is told, with what the hold does to the dates: 51 days held (today to the date), so the
        // membership would lapse 51 days after the usual day (due date + 30 days of grace + 1).
        var billing = await BillingEmailAsync(invoice.Id);
        var mail = await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number}: payment awaits council approval, expected by {Day(expected)}");
        var text = Squash(mail.Text);
        Assert.Contains($"Pat Clerk recorded that payment of invoice {invoice.Number} for Dallas {token}'s membership dues awaits council approval, expected by {Day(expected)}.", text, StringComparison.Ordinal);
        Assert.Contains("Note: Council votes on the dues resolution (Legistar 22-1998) at its next meeting.", text, StringComparison.Ordinal);
        var heldDays = expected.DayNumber - portal.Clock.Today.DayNumber + 1;
        Assert.Equal(51, heldDays);
        Assert.Contains($"reminders resume with the 51 days on hold added to every date: the membership would lapse on {Day(due.AddDays(31 + heldDays))}.", text, StringComparison.Ordinal);

        // Staff: the filter lists it (with the expected date in its row) and not the other city's open invoice.
        var staff = await portal.SignedInStaffAsync();
        var held = await staff.GetAsync($"/staff/invoices?held=true&q={token}");
        var row = Assert.Single(held.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal(invoice.Number, row.GetAttribute("data-number"));
        Assert.Equal($"Council approval, expected by {Iso(expected)}", row.QuerySelector("[data-testid=council]")!.TextContent.Trim());
        Assert.Equal("1 found", held.One("[data-testid=result-count]")!.TextContent.Trim());
        Assert.True(held.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#held")!.IsChecked);
        var all = await staff.GetAsync($"/staff/invoices?q={token}");
        Assert.Equal(2, all.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Null(all.One($"tr[data-number='{other.Number}'] [data-testid=council]"));

        // The invoice page shows the hold, what it does to the dates, and who recorded it.
        var detail = await staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Contains($"Payment expected by {Day(expected)}", detail.One("[data-testid=council-status]")!.TextContent, StringComparison.Ordinal);
        var history = Assert.Single(detail.Document.QuerySelectorAll("[data-testid=council-change]"));
        Assert.Contains("Pat Clerk", history.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Recorded: expected by {Day(expected)}", history.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_the_date_is_recorded_with_who_and_when_and_shown_on_both_pages_and_a_stale_form_does_not_overwrite_it()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2152, new($"Douglas {InvoiceSeeds.Token()}"));
        var due = await DueOnAsync(invoice.Id);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId, "Pat Clerk");
        var url = $"/account/invoices/{invoice.Number}/council";
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due.AddDays(10)) })).Status);
        var cityForm = await member.GetAsync(url);
        Assert.Equal(Iso(due.AddDays(10)), cityForm.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ExpectedBy")!.Value);

        // Staff move it on the invoice page while the city has its form open.
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var moved = await staff.SubmitAsync(await staff.GetAsync($"/staff/invoices/{invoice.Id}"),
            new Dictionary<string, string?> { ["Council.ExpectedBy"] = Iso(due.AddDays(40)), ["Council.Note"] = "Council meeting postponed" },
            "form[data-testid=council-form]");
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        var detail = await staff.GetAsync(moved.Location!);
        Assert.Contains($"Payment awaits council approval, expected by {Day(due.AddDays(40))}", detail.Text, StringComparison.Ordinal);
        var staffHistory = detail.Document.QuerySelectorAll("[data-testid=council-change]");
        Assert.Equal(2, staffHistory.Length);
        Assert.Contains($"Moved from {Day(due.AddDays(10))} to {Day(due.AddDays(40))}", staffHistory[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", staffHistory[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Council meeting postponed", staffHistory[1].TextContent, StringComparison.Ordinal);
        var billing = await BillingEmailAsync(invoice.Id);
        var mail = await portal.Mail.WaitForAsync(billing, $"Invoice {invoice.Number}: payment awaits council approval, expected by {Day(due.AddDays(40))}");
        Assert.Contains($"Sam Staff moved the date payment of invoice {invoice.Number}", Squash(mail.Text), StringComparison.Ordinal);
        Assert.Contains($"from {Day(due.AddDays(10))} to {Day(due.AddDays(40))}.", Squash(mail.Text), StringComparison.Ordinal);

        // The city's form, opened before the move, is refused with a message and changes nothing.
        var stale = await member.SubmitAsync(cityForm, new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due.AddDays(5)) });
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains($"The council approval of invoice {invoice.Number} was changed by someone else while you were looking at it.", stale.Text, StringComparison.Ordinal);
        var hold = await HoldAsync(invoice.Id);
        Assert.Equal(due.AddDays(40), hold!.ExpectedBy);
        Assert.Equal(2, hold.Changes.Count);

        // The city sees the history with the staff change, and saving again from the page it was given goes through.
        Assert.Contains($"Moved from {Day(due.AddDays(10))} to {Day(due.AddDays(40))}", stale.One("[data-testid=council-history]")!.TextContent, StringComparison.Ordinal);
        var again = await member.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due.AddDays(5)) });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        hold = await HoldAsync(invoice.Id);
        Assert.Equal(due.AddDays(5), hold!.ExpectedBy);
        var last = hold.Changes.OrderBy(c => c.Id).Last();
        Assert.Equal((CouncilHoldChangeKind.Moved, (DateOnly?)due.AddDays(40), (DateOnly?)due.AddDays(5), "Pat Clerk"), (last.Kind, last.PreviousDate, last.ExpectedBy, last.ByName));
        var cityHistory = (await member.GetAsync(url)).Document.QuerySelectorAll("[data-testid=council-change]");
        Assert.Equal(3, cityHistory.Length);
        Assert.Contains($"Moved from {Day(due.AddDays(40))} to {Day(due.AddDays(5))}", cityHistory[2].TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadDates => new()
    {
        // (what is typed: "beyond" = 121 days after the due date, "yesterday", or as given), the message.
        { "beyond", "", "The date can be at most 120 days after the due date" },
        { "yesterday", "", "The date payment is expected by cannot be in the past; enter " },
        { "as-typed", "next Tuesday", "Enter the date payment is expected by as a date, for example 2027-03-15." },
        { "as-typed", "2027-02-30", "Enter the date payment is expected by as a date, for example 2027-03-15." },
        { "as-typed", "", "Enter the date payment is expected by." },
    };

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task A_bad_date_gets_a_message_and_nothing_is_recorded(string kind, string typed, string message)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2153, new($"Mounds View {InvoiceSeeds.Token()}"));
        var due = await DueOnAsync(invoice.Id);
        var value = kind switch
        {
            "beyond" => Iso(due.AddDays(121)),
            "yesterday" => Iso(portal.Clock.Today.AddDays(-1)),
            _ => typed,
        };
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);

        var page = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/council", new Dictionary<string, string?> { ["Input.ExpectedBy"] = value });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.One("#Input_ExpectedBy-error")!.TextContent, StringComparison.Ordinal);
        if (kind == "beyond") Assert.Contains($"{Day(due.AddDays(120))} at the latest", page.One("#Input_ExpectedBy-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await HoldAsync(invoice.Id));
        var billing = await BillingEmailAsync(invoice.Id);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.Contains(billing))));

        // The same on the staff page, under its own form.
        var staff = await portal.SignedInStaffAsync();
        var refused = await staff.SubmitAsync(await staff.GetAsync($"/staff/invoices/{invoice.Id}"),
            new Dictionary<string, string?> { ["Council.ExpectedBy"] = value }, "form[data-testid=council-form]");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.One("#Council_ExpectedBy-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await HoldAsync(invoice.Id));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.Contains(billing))));
    }

    [Fact]
    public async Task A_note_over_500_characters_gets_a_message_and_nothing_is_recorded()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2155, new($"Longnote {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);

        var page = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/council", new Dictionary<string, string?>
        {
            ["Input.ExpectedBy"] = Iso(portal.Clock.Today.AddDays(10)),
            ["Input.Note"] = new string('n', 501),
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The note can be at most 500 characters.", page.One("#Input_Note-error")!.TextContent.Trim());
        Assert.Null(await HoldAsync(invoice.Id));
        var billing = await BillingEmailAsync(invoice.Id);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.Contains(billing))));
    }

    [Fact]
    public async Task A_paid_invoice_cannot_await_council_approval_and_another_citys_invoice_is_not_found()
    {
        var token = InvoiceSeeds.Token();
        var paid = await InvoiceSeeds.AddOneAsync(portal, 2154, new($"Paidville {token}", InvoiceStatus.Paid));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2154, new($"Elsewhere {token}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, paid.GovernmentId);
        var date = Iso(portal.Clock.Today.AddDays(10));

        var list = await member.GetAsync("/account/invoices");
        Assert.Null(list.One($"tr[data-number='{paid.Number}'] [data-testid=council-link]"));
        var page = await member.GetAsync($"/account/invoices/{paid.Number}/council");
        Assert.Equal($"Invoice {paid.Number} is paid; it no longer awaits council approval.", page.One("[data-testid=closed]")!.TextContent.Trim());
        Assert.Null(page.One("form[data-testid=council-form]"));
        var token2 = (await member.GetAsync("/account/invoices")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await member.PostAsync($"/account/invoices/{paid.Number}/council", [new("__RequestVerificationToken", token2), new("Input.ExpectedBy", date)]);
        Assert.Equal($"Invoice {paid.Number} is paid; it no longer awaits council approval.", posted.One("[data-testid=closed]")!.TextContent.Trim());
        Assert.Null(await HoldAsync(paid.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/account/invoices/{other.Number}/council")).Status);
        var foreign = await member.PostAsync($"/account/invoices/{other.Number}/council", [new("__RequestVerificationToken", token2), new("Input.ExpectedBy", date)]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Null(await HoldAsync(other.Id));

        // Staff posting to a paid invoice (no form is shown) get the rule's message.
        var staff = await portal.SignedInStaffAsync();
        var detail = await staff.GetAsync($"/staff/invoices/{paid.Id}");
        Assert.Null(detail.One("form[data-testid=council-form]"));
        var staffToken = detail.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await staff.PostAsync($"/staff/invoices/{paid.Id}?handler=CouncilHold", [new("__RequestVerificationToken", staffToken), new("Council.ExpectedBy", date)]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"Invoice {paid.Number} is paid; only an unpaid invoice can await council approval.", refused.Text, StringComparison.Ordinal);
        Assert.Null(await HoldAsync(paid.Id));
    }

    [Fact]
    public async Task Lifting_the_hold_ends_it_today_and_is_recorded()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2155, new($"Liftton {InvoiceSeeds.Token()}"));
        var due = await DueOnAsync(invoice.Id);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId, "Pat Clerk");
        var url = $"/account/invoices/{invoice.Number}/council";
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.ExpectedBy"] = Iso(due) })).Status);

        var lifted = await member.SubmitFormAsync(url, new Dictionary<string, string?>(), "form[data-testid=lift-council]");

        Assert.Equal(HttpStatusCode.Redirect, lifted.Status);
        var list = await member.GetAsync(lifted.Location!);
        Assert.Contains($"Invoice {invoice.Number} no longer awaits council approval", list.Text, StringComparison.Ordinal);
        Assert.Null(list.One($"tr[data-number='{invoice.Number}'] [data-testid=council]"));
        var hold = await HoldAsync(invoice.Id);
        Assert.True(hold!.IsLifted);
        Assert.Equal(CouncilHoldChangeKind.Lifted, hold.Changes.OrderBy(c => c.Id).Last().Kind);
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        Assert.Empty((await staff.GetAsync($"/staff/invoices?held=true&q={Uri.EscapeDataString(invoice.Number)}")).Document.QuerySelectorAll("tbody tr"));

        // Staff set it again, then lift it from the invoice page.
        var page = await staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Council.ExpectedBy"] = Iso(due.AddDays(3)) }, "form[data-testid=council-form]")).Status);
        Assert.Single((await staff.GetAsync($"/staff/invoices?held=true&q={Uri.EscapeDataString(invoice.Number)}")).Document.QuerySelectorAll("tbody tr"));
        var liftedByStaff = await staff.SubmitAsync(await staff.GetAsync($"/staff/invoices/{invoice.Id}"), new Dictionary<string, string?>(), "form[data-testid=lift-council]");
        Assert.Equal(HttpStatusCode.Redirect, liftedByStaff.Status);
        var detail = await staff.GetAsync(liftedByStaff.Location!);
        Assert.Contains("The invoice no longer awaits council approval", detail.Text, StringComparison.Ordinal);
        var rows = detail.Document.QuerySelectorAll("[data-testid=council-change]");
        Assert.Equal(4, rows.Length);
        Assert.Contains($"Lifted (was expected by {Day(due.AddDays(3))})", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", rows[3].TextContent, StringComparison.Ordinal);
        Assert.True((await HoldAsync(invoice.Id))!.IsLifted);
        Assert.Empty((await staff.GetAsync($"/staff/invoices?held=true&q={Uri.EscapeDataString(invoice.Number)}")).Document.QuerySelectorAll("tbody tr"));
    }

    private Task<string> BillingEmailAsync(int invoiceId) => portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.BillingEmail).SingleAsync());

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private Task<DateOnly> DueOnAsync(int invoiceId) => portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.DueOn).SingleAsync());

    private Task<CouncilHold?> HoldAsync(int invoiceId) =>
        portal.WithDbAsync(db => db.CouncilHolds.AsNoTracking().Include(h => h.Changes).SingleOrDefaultAsync(h => h.InvoiceId == invoiceId));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

public sealed class CouncilApprovalTests_Sqlite(SqlitePortal portal) : CouncilApprovalTests(portal), IClassFixture<SqlitePortal>;

public sealed class CouncilApprovalTests_Postgres(PostgresPortal portal) : CouncilApprovalTests(portal), IClassFixture<PostgresPortal>;

public sealed class CouncilApprovalTests_SqlServer(SqlServerPortal portal) : CouncilApprovalTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Issue 14, item 3: the city's mayor or liaison sets its billing contact and up to five CC addresses on /account/billing;
/// every change is recorded with who and when, shown to the city and to staff; all of them receive the invoice emails and
/// reminders (Cc header in the SMTP mailbox). Anyone else acting for the city only sees them.
/// </summary>
public abstract class BillingContactsTests(PortalFixture portal)
{
    private const string Form = "form[data-testid=billing-contacts-form]";

    [Fact]
    public async Task The_liaison_changes_the_billing_contact_and_ccs_and_the_change_is_recorded_with_who_and_when()
    {
        var token = InvoiceSeeds.Token();
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2151, new($"Ccville {token}"));
        var liaison = await SignedInAsync(invoice.GovernmentId, g => g.Liaison.Email, "Lee Liaison");
        var before = await GovernmentAsync(invoice.GovernmentId);
        var ap = $"ap-{token}@city.example.gov";
        var cc = new[] { $"clerk-{token}@city.example.gov", $"treasurer-{token}@city.example.gov" };

        var saved = await liaison.SubmitFormAsync("/account/billing", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Accounts Payable",
            ["Input.Email"] = ap,
            ["Input.Phone"] = "303-555-0199",
            ["Input.Cc"] = $" {cc[0]}\r\n\r\n{cc[1]} ",
        }, Form);

        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        var page = await liaison.GetAsync(saved.Location!);
        Assert.Contains("The billing contacts are saved.", page.Text, StringComparison.Ordinal);
        Assert.Equal($"Accounts Payable · {ap} · 303-555-0199", page.One("[data-testid=billing-contact]")!.TextContent.Trim());
        Assert.Equal(string.Join(", ", cc), page.One("[data-testid=cc-addresses]")!.TextContent.Trim());
        Assert.StartsWith("none", page.One("[data-testid=vendor-number]")!.TextContent.Trim(), StringComparison.Ordinal);
        var rows = page.Document.QuerySelectorAll("[data-testid=billing-contacts-history] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Contains("Lee Liaison", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Billing contact email", StringComparison.Ordinal) && r.Contains(before.Billing.Email, StringComparison.Ordinal) && r.Contains(ap, StringComparison.Ordinal));

        var after = await GovernmentAsync(invoice.GovernmentId);
        Assert.Equal(("Accounts Payable", ap, "303-555-0199"), (after.Billing.Name, after.Billing.Email, after.Billing.Phone));
        Assert.Equal(cc, after.BillingCc);
        var changes = await portal.WithDbAsync(db => db.BillingContactChanges.AsNoTracking().Where(c => c.GovernmentId == invoice.GovernmentId).ToListAsync());
        Assert.Equal(["Billing contact email", "Billing contact name", "Billing contact phone", "CC addresses"], changes.Select(c => c.Field).Order());
        Assert.All(changes, c => Assert.Equal(("Lee Liaison", before.Liaison.Email), (c.ByName, c.ByEmail)));
        Assert.All(changes, c => Assert.InRange(c.AtUtc, portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5), portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        Assert.Equal(("", string.Join(", ", cc)), changes.Where(c => c.Field == "CC addresses").Select(c => (c.Before, c.After)).Single());
        // The unpaid invoice is now addressed to the new contact, in the database and on its PDF.
        var billed = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.Id == invoice.Id).Select(i => new { i.BillingName, i.BillingEmail }).SingleAsync());
        Assert.Equal(("Accounts Payable", ap), (billed.BillingName, billed.BillingEmail));
        var pdf = await Workflow.PdfTextAsync(await liaison.Http.GetByteArrayAsync($"/account/invoices/{invoice.Number}/pdf"));
        Assert.Contains("Accounts Payable", pdf, StringComparison.Ordinal);
        Assert.Contains(ap, pdf, StringComparison.Ordinal);

        // The account's home says where billing email goes, and staff see the contacts and the history on the invoice.
        var home = await liaison.GetAsync("/account");
        Assert.Contains($"emailed to {ap} and 2 CC addresses", home.One("[data-testid=billing-contacts-summary]")!.TextContent, StringComparison.Ordinal);
        var staff = await portal.SignedInStaffAsync();
        var staffPage = await staff.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Equal(string.Join(", ", cc), staffPage.One("[data-testid=billing-contacts] [data-testid=cc-addresses]")!.TextContent.Trim());
        Assert.Equal(4, staffPage.Document.QuerySelectorAll("[data-testid=billing-contacts-history] tbody tr").Length);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Email", "accounts payable@city", "Enter the billing contact's email address in the form name@example.gov." },
        { "Input.Name", "", "Enter the billing contact's name." },
        { "Input.Phone", "call us", "Enter the billing contact's phone number with at least 7 digits, like 202-555-0143." },
        { "Input.Cc", "clerk@city.example.gov\nnot-an-address", "not-an-address is not an email address: enter each CC address in the form name@example.gov, one a line." },
        { "Input.Cc", "a@city.example.gov\nb@city.example.gov\nc@city.example.gov\nd@city.example.gov\ne@city.example.gov\nf@city.example.gov", "At most 5 CC addresses receive billing email; you entered 6." },
        { "Input.Cc", "clerk@city.example.gov\nCLERK@City.Example.gov", "clerk@city.example.gov is listed more than once; list each address once." },
        { "Input.Cc", "{billing}", "is the billing contact's own address, which receives every billing email already; remove it from the CC addresses." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_and_nothing_is_changed(string field, string value, string message)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2152, new($"Badcc {InvoiceSeeds.Token()}"));
        var mayor = await SignedInAsync(invoice.GovernmentId, g => g.Mayor.Email, "Robin Mayor");
        var before = await GovernmentAsync(invoice.GovernmentId);
        var form = await mayor.GetAsync("/account/billing");

        var page = await mayor.SubmitAsync(form, new Dictionary<string, string?> { [field] = value.Replace("{billing}", before.Billing.Email.ToUpperInvariant(), StringComparison.Ordinal) }, Form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.One($"#{field.Replace('.', '_')}-error")!.TextContent, StringComparison.Ordinal);
        var after = await GovernmentAsync(invoice.GovernmentId);
        Assert.Equal((before.Billing.Name, before.Billing.Email, before.Billing.Phone), (after.Billing.Name, after.Billing.Email, after.Billing.Phone));
        Assert.Empty(after.BillingCc);
        Assert.Equal(before.BillingContactsVersion, after.BillingContactsVersion);
        Assert.Equal(0, await portal.WithDbAsync(db => db.BillingContactChanges.CountAsync(c => c.GovernmentId == invoice.GovernmentId)));
    }

    [Fact]
    public async Task Five_ccs_are_saved_and_a_form_opened_before_that_change_is_refused()
    {
        var token = InvoiceSeeds.Token();
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2153, new($"Fivecc {token}"));
        var mayor = await SignedInAsync(invoice.GovernmentId, g => g.Mayor.Email, "Robin Mayor");
        var liaison = await SignedInAsync(invoice.GovernmentId, g => g.Liaison.Email, "Lee Liaison");
        var stale = await liaison.GetAsync("/account/billing");
        var five = Enumerable.Range(1, 5).Select(i => $"cc{i}-{token}@city.example.gov").ToList();

        var saved = await mayor.SubmitFormAsync("/account/billing", new Dictionary<string, string?> { ["Input.Cc"] = string.Join("\n", five) }, Form);
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        Assert.Equal(five, (await GovernmentAsync(invoice.GovernmentId)).BillingCc);

        var refused = await liaison.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.Cc"] = $"other-{token}@city.example.gov" }, Form);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The billing contacts were changed by Robin Mayor while you were editing them. Nothing was changed", refused.Text, StringComparison.Ordinal);
        Assert.Equal(five, (await GovernmentAsync(invoice.GovernmentId)).BillingCc);

        // Having seen the message, the liaison saves again from the page given, and that goes through.
        var again = await liaison.SubmitAsync(refused, new Dictionary<string, string?> { ["Input.Cc"] = $"other-{token}@city.example.gov" }, Form);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal([$"other-{token}@city.example.gov"], (await GovernmentAsync(invoice.GovernmentId)).BillingCc);
        var history = await portal.WithDbAsync(db => db.BillingContactChanges.AsNoTracking().Where(c => c.GovernmentId == invoice.GovernmentId).OrderBy(c => c.Id).Select(c => c.ByName).ToListAsync());
        Assert.Equal(["Robin Mayor", "Lee Liaison"], history);
    }

    [Fact]
    public async Task Five_ccs_of_the_longest_length_are_saved_and_ones_too_long_to_store_together_are_refused_with_a_message()
    {
        var token = InvoiceSeeds.Token();
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2157, new($"Longcc {token}"));
        var mayor = await SignedInAsync(invoice.GovernmentId, g => g.Mayor.Email, "Robin Mayor");
        // 254 characters each: a 64-character local part with a '+', and a 189-character domain.
        var domain = $"{new string('d', 60)}.{new string('e', 60)}.{new string('f', 63)}.gov";
        var longest = Enumerable.Range(1, 5).Select(i => $"cc{i}+{token}".PadRight(64, 'a') + "@" + domain).ToList();
        Assert.All(longest, a => Assert.Equal(254, a.Length));

        var saved = await mayor.SubmitFormAsync("/account/billing", new Dictionary<string, string?> { ["Input.Cc"] = string.Join("\n", longest) }, Form);
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        Assert.Equal(longest, (await GovernmentAsync(invoice.GovernmentId)).BillingCc);

        // As long, but with 54 '+' each: EF Core stores each '+' as \u002B, more than the column holds. A message, nothing changed.
        var plusses = Enumerable.Range(1, 5).Select(i => $"c{i}{token}".PadRight(64, '+') + "@" + domain).ToList();
        var refused = await mayor.SubmitFormAsync("/account/billing", new Dictionary<string, string?> { ["Input.Cc"] = string.Join("\n", plusses) }, Form);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("The CC addresses are too long to store together: shorten or remove one", refused.Text, StringComparison.Ordinal);
        Assert.Equal(longest, (await GovernmentAsync(invoice.GovernmentId)).BillingCc);
        Assert.Equal(1, await portal.WithDbAsync(db => db.BillingContactChanges.CountAsync(c => c.GovernmentId == invoice.GovernmentId)));
    }

    [Fact]
    public async Task The_billing_contact_and_other_accounts_of_the_city_see_the_contacts_but_cannot_change_them()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2154, new($"Viewonly {InvoiceSeeds.Token()}"));
        var before = await GovernmentAsync(invoice.GovernmentId);
        foreach (var account in new[] { await SignedInAsync(invoice.GovernmentId, g => g.Billing.Email, "Finance Office"), await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId) })
        {
            var page = await account.GetAsync("/account/billing");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(before.Billing.Email, page.One("[data-testid=billing-contact]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.One(Form));
            Assert.NotNull(page.One("[data-testid=view-only]"));

            var token = (await account.GetAsync("/account/invoices")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var posted = await account.PostAsync("/account/billing",
                [new("__RequestVerificationToken", token), new("Input.Name", "Taken Over"), new("Input.Email", "taken@evil.example"), new("Input.Phone", "303-555-0000"), new("Input.Version", before.BillingContactsVersion.ToString())]);
            Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        }

        var after = await GovernmentAsync(invoice.GovernmentId);
        Assert.Equal(before.Billing.Email, after.Billing.Email);
        Assert.Equal(0, await portal.WithDbAsync(db => db.BillingContactChanges.CountAsync(c => c.GovernmentId == invoice.GovernmentId)));
    }

    [Fact]
    public async Task The_ccs_receive_the_invoice_and_its_reminder_with_the_billing_contact_and_the_mayor()
    {
        var token = InvoiceSeeds.Token();
        // Due in 10 days: the reminder before the due date (14 days before) is due today.
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2155, new($"Mailcc {token}", DueInDays: 10));
        var mayor = await SignedInAsync(invoice.GovernmentId, g => g.Mayor.Email, "Robin Mayor");
        var cc = new[] { $"clerk-{token}@city.example.gov", $"treasurer-{token}@city.example.gov" };
        var saved = await mayor.SubmitFormAsync("/account/billing", new Dictionary<string, string?> { ["Input.Cc"] = string.Join("\n", cc) }, Form);
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        var government = await GovernmentAsync(invoice.GovernmentId);

        var staff = await portal.SignedInStaffAsync();
        var resent = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>(), "form[data-testid=resend]");
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        var mail = await portal.Mail.WaitForAsync(government.Billing.Email, $"Invoice {invoice.Number} from");
        Assert.Equal([government.Billing.Email], mail.To);
        Assert.Equal([.. cc, government.Mayor.Email], mail.Cc);
        Assert.Contains(invoice.Number, await Workflow.PdfTextAsync(Assert.Single(mail.Attachments).Content), StringComparison.Ordinal);

        await portal.WithScopeAsync(sp => sp.GetRequiredService<DuesLifecycle>().RunAsync(CancellationToken.None));
        var reminder = await portal.Mail.WaitForAsync(government.Billing.Email, $"Reminder: invoice {invoice.Number} is due on");
        Assert.Equal([.. cc, government.Mayor.Email], reminder.Cc);
        Assert.Single(reminder.Attachments);
    }

    [Fact]
    public async Task An_account_not_linked_to_a_city_is_told_it_has_no_billing_contacts()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2156, new($"Unlinked {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/account/billing");

        Assert.NotNull(page.One("[data-testid=not-linked]"));
        Assert.Null(page.One(Form));
        Assert.NotNull(invoice);
    }

    private Task<Government> GovernmentAsync(int id) => portal.WithDbAsync(db => db.Governments.AsNoTracking().SingleAsync(g => g.Id == id));

    /// <summary>A signed-in account of the city whose address is one of its contacts' (the mayor's, the liaison's, the billing contact's).</summary>
    private async Task<PortalClient> SignedInAsync(int governmentId, Func<Government, string> address, string name) =>
        await InvoiceSeeds.SignedInAsAsync(portal, governmentId, address(await GovernmentAsync(governmentId)), name);
}

public sealed class BillingContactsTests_Sqlite(SqlitePortal portal) : BillingContactsTests(portal), IClassFixture<SqlitePortal>;

public sealed class BillingContactsTests_Postgres(PostgresPortal portal) : BillingContactsTests(portal), IClassFixture<PostgresPortal>;

public sealed class BillingContactsTests_SqlServer(SqlServerPortal portal) : BillingContactsTests(portal), IClassFixture<SqlServerPortal>;

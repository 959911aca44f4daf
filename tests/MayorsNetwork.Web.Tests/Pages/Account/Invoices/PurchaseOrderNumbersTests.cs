using System.Net;
using AngleSharp.Dom;
using System.Text.RegularExpressions;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Account.Invoices;

/// <summary>
/// Issue 14, item 2: the city (on /account/invoices) adds its PO number and vendor number to an unpaid invoice; the PDF
/// is re-rendered with them in its header and emailed again to the billing contact; a standing vendor number on the
/// city's invoices page is printed on its invoices. Charlotte, NC asks for the PO and vendor number on every invoice.
/// </summary>
public abstract partial class PurchaseOrderNumbersTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_adds_a_PO_and_vendor_number_and_the_billing_contact_gets_the_invoice_again_with_them_in_its_header()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2141, new($"Charlotte {InvoiceSeeds.Token()}"));
        var billing = await BillingEmailAsync(invoice.Id);
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var list = await member.GetAsync("/account/invoices");
        var form = await member.GetAsync(list.One($"tr[data-number='{invoice.Number}'] [data-testid=references]")!.GetAttribute("href")!);

        var saved = await member.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.PurchaseOrderNumber"] = "  4500012345 ",
            ["Input.VendorNumber"] = "V-10293",
            ["Input.EmailAgain"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await member.GetAsync(saved.Location!);
        Assert.Contains($"Invoice {invoice.Number} saved: its PDF now shows PO number 4500012345 and vendor number V-10293. It will be emailed again to {billing}.", after.Text, StringComparison.Ordinal);
        Assert.Contains("4500012345", after.One($"tr[data-number='{invoice.Number}'] [data-testid=po]")!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal(("4500012345", "V-10293"), (stored.PurchaseOrderNumber, stored.VendorNumber));

        var pdf = await member.Http.GetByteArrayAsync(after.One($"tr[data-number='{invoice.Number}'] [data-testid=pdf]")!.GetAttribute("href"));
        var text = await Workflow.PdfTextAsync(pdf);
        Assert.Matches(@"PO number\s+4500012345", text);
        Assert.Matches(@"Vendor number\s+V-10293", text);

        var mail = await portal.Mail.WaitForAsync(m => m.To.Contains(billing) && m.Subject.Contains("updated", StringComparison.Ordinal));
        Assert.Equal($"Invoice {invoice.Number} from MayorsNetwork, updated: PO 4500012345", mail.Subject);
        Assert.Contains("updated with purchase-order number 4500012345 and vendor number V-10293", Squash(mail.Text), StringComparison.Ordinal);
        var attached = await Workflow.PdfTextAsync(Assert.Single(mail.Attachments).Content);
        Assert.Matches(@"PO number\s+4500012345", attached);
    }

    [Fact]
    public async Task A_forty_character_PO_number_is_printed_whole()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2142, new($"Longpo {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var po = "WWWWWWWWWW-MMMMMMMMMM-2026-DEPT-PW-00017";
        Assert.Equal(40, po.Length);

        var saved = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/references",
            new Dictionary<string, string?> { ["Input.PurchaseOrderNumber"] = po, ["Input.EmailAgain"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var text = await InvoiceSeeds.PdfRawTextAsync(await member.Http.GetByteArrayAsync($"/account/invoices/{invoice.Number}/pdf"));
        Assert.Contains(po, text, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InvoiceId == invoice.Id)));
    }

    [Theory]
    [InlineData("Input.PurchaseOrderNumber", "45000123450000000000000000000000000000001", "The purchase-order number can be at most 40 characters; this one has 41.")]
    [InlineData("Input.PurchaseOrderNumber", "4500\u200B012345", "The purchase-order number can hold only printable characters (letters, digits, punctuation and spaces); character 5 is not one.")]
    [InlineData("Input.VendorNumber", "V\u00A010293\u2060", "The vendor number can hold only printable characters (letters, digits, punctuation and spaces); character 8 is not one.")]
    // Direction overrides are refused for every field before the page sees them (TextInputScreening).
    [InlineData("Input.VendorNumber", "V\u202E10293", "changes the direction of the text")]
    public async Task A_bad_number_gets_a_message_and_nothing_is_changed(string field, string value, string message)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2143, new($"Badpo {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);

        var page = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/references",
            new Dictionary<string, string?> { [field] = value, ["Input.EmailAgain"] = "true" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.One($"#{field.Replace('.', '_')}-error")!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal((null, null), (stored.PurchaseOrderNumber, stored.VendorNumber));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task A_paid_invoice_keeps_its_numbers_and_another_citys_invoice_is_not_found()
    {
        var token = InvoiceSeeds.Token();
        var paid = await InvoiceSeeds.AddOneAsync(portal, 2144, new($"Paidton {token}", InvoiceStatus.Paid));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2144, new($"Otherton {token}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, paid.GovernmentId);

        var list = await member.GetAsync("/account/invoices");
        Assert.Null(list.One($"tr[data-number='{paid.Number}'] [data-testid=references]"));
        var page = await member.GetAsync($"/account/invoices/{paid.Number}/references");
        Assert.Equal($"Invoice {paid.Number} is paid; its PO and vendor numbers can no longer be changed.", page.One("[data-testid=closed]")!.TextContent.Trim());
        var token2 = await AntiforgeryAsync(member, "/account/invoices");
        var posted = await member.PostAsync($"/account/invoices/{paid.Number}/references",
            [new("__RequestVerificationToken", token2), new("Input.PurchaseOrderNumber", "4500099999")]);
        Assert.Contains("can no longer be changed", posted.Text, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == paid.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/account/invoices/{other.Number}/references")).Status);
        var foreign = await member.PostAsync($"/account/invoices/{other.Number}/references",
            [new("__RequestVerificationToken", token2), new("Input.PurchaseOrderNumber", "4500099999")]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Null(await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == other.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));
    }

    [Fact]
    public async Task A_standing_vendor_number_is_printed_on_the_citys_unpaid_invoices_and_a_bad_one_gets_a_message()
    {
        var token = InvoiceSeeds.Token();
        var open = await InvoiceSeeds.AddOneAsync(portal, 2145, new($"Vendorville {token}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, open.GovernmentId);

        var refused = await member.SubmitFormAsync("/account/invoices", new Dictionary<string, string?> { ["Input.VendorNumber"] = new string('7', 41) }, "form:has([data-testid=save-vendor])");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("The vendor number can be at most 40 characters; this one has 41.", refused.One("#Input_VendorNumber-error")!.TextContent.Trim());
        Assert.Null(await portal.WithDbAsync(db => db.Governments.Where(g => g.Id == open.GovernmentId).Select(g => g.VendorNumber).SingleAsync()));

        var saved = await member.SubmitFormAsync("/account/invoices", new Dictionary<string, string?> { ["Input.VendorNumber"] = "SUP-000451" }, "form:has([data-testid=save-vendor])");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await member.GetAsync(saved.Location!);
        Assert.Contains("Your city's vendor number SUP-000451 is saved.", page.Text, StringComparison.Ordinal);
        Assert.Equal("SUP-000451", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_VendorNumber")!.Value);
        Assert.Equal("SUP-000451", await portal.WithDbAsync(db => db.Governments.Where(g => g.Id == open.GovernmentId).Select(g => g.VendorNumber).SingleAsync()));
        var text = await Workflow.PdfTextAsync(await member.Http.GetByteArrayAsync($"/account/invoices/{open.Number}/pdf"));
        Assert.Matches(@"Vendor number\s+SUP-000451", text);
    }

    [Fact]
    public async Task A_change_made_while_the_city_had_the_form_open_is_not_overwritten()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2147, new($"Stalepo {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var form = await member.GetAsync($"/account/invoices/{invoice.Number}/references");
        var staff = await portal.SignedInStaffAsync();
        var byStaff = await staff.SubmitAsync(await staff.GetAsync($"/staff/invoices/{invoice.Id}"),
            new Dictionary<string, string?> { ["References.PurchaseOrderNumber"] = "PO-STAFF", ["References.EmailAgain"] = "false" },
            "form:has([data-testid=save-references])");
        Assert.Equal(HttpStatusCode.Redirect, byStaff.Status);

        var stale = await member.SubmitAsync(form, new Dictionary<string, string?> { ["Input.PurchaseOrderNumber"] = "PO-CITY", ["Input.EmailAgain"] = "false" });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains($"Invoice {invoice.Number} changed while you were looking at it", stale.Text, StringComparison.Ordinal);
        Assert.Equal("PO-STAFF", await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));

        // Seen the message, the city saves again from the page it was given, and that goes through.
        var again = await member.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.PurchaseOrderNumber"] = "PO-CITY", ["Input.EmailAgain"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("PO-CITY", await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));
    }

    [Fact]
    public async Task Staff_add_the_numbers_on_the_invoice_page_and_find_the_invoice_by_either()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2146, new($"Staffpo {InvoiceSeeds.Token()}"));
        var po = $"PO-{InvoiceSeeds.Token()}";
        var vendor = $"VN-{InvoiceSeeds.Token()}";
        var staff = await portal.SignedInStaffAsync();
        var page = await staff.GetAsync($"/staff/invoices/{invoice.Id}");

        var refused = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["References.PurchaseOrderNumber"] = "PO\u00AD1" }, "form:has([data-testid=save-references])");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("printable characters", refused.One("#References_PurchaseOrderNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));

        var saved = await staff.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["References.PurchaseOrderNumber"] = po.ToLowerInvariant(),
            ["References.VendorNumber"] = vendor,
            ["References.EmailAgain"] = "false",
        }, "form:has([data-testid=save-references])");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await staff.GetAsync(saved.Location!);
        Assert.Contains("The PO and vendor numbers are saved", after.Text, StringComparison.Ordinal);
        Assert.Equal(po.ToLowerInvariant(), after.One("[data-testid=po-number]")!.TextContent.Trim());
        Assert.Equal(vendor, after.One("[data-testid=vendor-number]")!.TextContent.Trim());
        foreach (var q in new[] { po, vendor.ToLowerInvariant() })
        {
            var found = await staff.GetAsync($"/staff/invoices?q={Uri.EscapeDataString(q)}");
            var row = Assert.Single(found.Document.QuerySelectorAll("tbody tr"));
            Assert.Contains(invoice.Number, row.TextContent, StringComparison.Ordinal);
        }

        // The form sent before the change carries the old version: refused, nothing changed.
        var stale = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["References.PurchaseOrderNumber"] = "PO-STALE" }, "form:has([data-testid=save-references])");
        Assert.Contains("changed while you were looking at it", stale.Text, StringComparison.Ordinal);
        Assert.Equal(po.ToLowerInvariant(), await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));
    }

    private Task<string> BillingEmailAsync(int invoiceId) =>
        portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.BillingEmail).SingleAsync());

    private static async Task<string> AntiforgeryAsync(PortalClient client, string url) =>
        (await client.GetAsync(url)).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static string Squash(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class PurchaseOrderNumbersTests_Sqlite(SqlitePortal portal) : PurchaseOrderNumbersTests(portal), IClassFixture<SqlitePortal>;

public sealed class PurchaseOrderNumbersTests_Postgres(PostgresPortal portal) : PurchaseOrderNumbersTests(portal), IClassFixture<PostgresPortal>;

public sealed class PurchaseOrderNumbersTests_SqlServer(SqlServerPortal portal) : PurchaseOrderNumbersTests(portal), IClassFixture<SqlServerPortal>;

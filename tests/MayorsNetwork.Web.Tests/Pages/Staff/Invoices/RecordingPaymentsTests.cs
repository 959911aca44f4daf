using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>Recording payments at /staff/invoices/{id}: partial and full payments, bad input, and two staff at once.</summary>
public abstract class RecordingPaymentsTests(PortalFixture portal)
{
    private const string PayForm = "form[data-testid=pay]";

    private string Today => portal.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Payment(string amount, string? receivedOn = null, string method = "Check", string reference = "") => new()
    {
        ["Input.Amount"] = amount,
        ["Input.ReceivedOn"] = receivedOn ?? Today,
        ["Input.Method"] = method,
        ["Input.Reference"] = reference,
    };

    private static string Testid(PageResult page, string id) => page.One($"[data-testid={id}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"No [data-testid={id}] on the page: {page.Text}");

    [Fact]
    public async Task A_partial_payment_is_recorded_and_the_balance_shown_on_the_invoice_and_in_the_list()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2080, new($"Partial {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync("Pat Payments");

        var posted = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("500", reference: "Check 1001"), PayForm);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var page = await staff.GetAsync(posted.Location!);
        Assert.Contains($"Payment of $500.00 recorded on invoice {invoice.Number}.", page.Text, StringComparison.Ordinal);
        Assert.Equal("$1,312.50", Testid(page, "total"));
        Assert.Equal("$500.00", Testid(page, "paid"));
        // 1,312.50 − 500 = 812.50.
        Assert.Equal("$812.50", Testid(page, "balance"));
        Assert.Equal("Sent", Testid(page, "status"));
        var row = page.One("[data-testid=payments] tbody tr")!.TextContent;
        foreach (var expected in new[] { Today, "$500.00", "Check", "Check 1001", "Pat Payments" })
            Assert.Contains(expected, row, StringComparison.Ordinal);
        // The form is still there for the rest.
        Assert.NotNull(page.One(PayForm));

        var payment = Assert.Single(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
        Assert.Equal(500m, payment.Amount);
        Assert.Equal(PaymentMethod.Check, payment.Method);
        Assert.Equal("Check 1001", payment.Reference);
        Assert.Equal(portal.Clock.Today, payment.ReceivedOn);
        Assert.Equal("Pat Payments", payment.RecordedBy);
        Assert.Equal(MembershipStatus.Invoiced, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == invoice.MembershipId).Select(m => m.Status).SingleAsync()));

        var list = await staff.GetAsync($"/staff/invoices?q={invoice.Number}");
        Assert.Equal("$812.50", list.One($"tr[data-number='{invoice.Number}'] [data-testid=balance]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("0", "The amount must be more than zero.")]
    [InlineData("-5", "The amount must be more than zero.")]
    [InlineData("12.345", "The amount cannot have more than two decimal places (whole cents).")]
    [InlineData("abc", "Enter the amount in dollars and cents, like 1,312.50.")]
    [InlineData("1,00", "Enter the amount in dollars and cents, like 1,312.50.")]
    [InlineData("", "Enter the amount received.")]
    [InlineData("1,312.51", "The amount is more than the balance of $1,312.50; record at most the balance.")]
    [InlineData("5000", "The amount is more than the balance of $1,312.50; record at most the balance.")]
    public async Task A_bad_amount_is_refused_with_a_message_and_nothing_is_recorded(string amount, string message)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2081, new($"Badamount {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment(amount), PayForm);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.One("#Input_Amount-error")?.TextContent.Trim());
        Assert.Contains(message, page.Errors);
        // What was typed is kept, so it can be corrected.
        Assert.Equal(amount, page.One("#Input_Amount")!.GetAttribute("value") ?? "");
        Assert.Empty(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
        Assert.Equal("$1,312.50", Testid(page, "balance"));
    }

    [Fact]
    public async Task A_date_in_the_future_or_before_the_invoice_was_issued_is_refused()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2082, new($"Baddate {InvoiceSeeds.Token()}", DueInDays: 20));
        var staff = await portal.SignedInStaffAsync();
        var tomorrow = portal.Clock.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var beforeIssue = invoice.IssuedOn.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var future = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("100", receivedOn: tomorrow), PayForm);
        var early = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("100", receivedOn: beforeIssue), PayForm);
        var missing = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("100", receivedOn: "not a date"), PayForm);

        Assert.StartsWith("The date received cannot be in the future", future.One("#Input_ReceivedOn-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            $"The date received cannot be before the invoice was issued on {invoice.IssuedOn.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))}.",
            early.One("#Input_ReceivedOn-error")?.TextContent.Trim());
        Assert.Equal("Enter the date the payment was received.", missing.One("#Input_ReceivedOn-error")?.TextContent.Trim());
        Assert.Empty(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
    }

    [Fact]
    public async Task A_reference_over_120_characters_or_an_unknown_method_is_refused()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2083, new($"Badref {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();

        var longReference = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("100", reference: new string('x', 121)), PayForm);
        var badMethod = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("100", method: "Bitcoin"), PayForm);

        Assert.Contains("The reference must be 120 characters or fewer.", longReference.Errors);
        Assert.Contains("Choose how the payment was made.", badMethod.Errors);
        Assert.Empty(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
    }

    [Fact]
    public async Task The_payment_method_and_an_amount_written_with_a_dollar_sign_are_recorded()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2084, new($"Dollar {InvoiceSeeds.Token()}"));
        var staff = await portal.SignedInStaffAsync();

        var posted = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("$1,000.25", method: "Ach", reference: "ACH trace 0042"), PayForm);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var payment = Assert.Single(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
        Assert.Equal(1_000.25m, payment.Amount);
        Assert.Equal(PaymentMethod.Ach, payment.Method);
        var page = await staff.GetAsync(posted.Location!);
        Assert.Contains("ACH", page.One("[data-testid=payments] tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("$312.25", Testid(page, "balance"));
    }

    [Fact]
    public async Task A_payment_on_a_void_invoice_is_refused()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2085, new($"Voidpay {InvoiceSeeds.Token()}"));
        var payer = await portal.SignedInStaffAsync();
        var voider = await portal.SignedInStaffAsync();
        var seenBeforeVoiding = await payer.GetAsync($"/staff/invoices/{invoice.Id}");
        var voided = await voider.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?> { ["Input.Reason"] = "Sent to the wrong city" }, "form[data-testid=void]");
        Assert.Equal(HttpStatusCode.Redirect, voided.Status);

        var page = await payer.SubmitAsync(seenBeforeVoiding, Payment("100"), PayForm);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Invoice {invoice.Number} is void; payments cannot be recorded on it.", page.Errors);
        Assert.Empty(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
        // The page as it is now offers no payment form.
        Assert.Null(page.One(PayForm));
        Assert.Equal("Void", Testid(page, "status"));
    }

    [Fact]
    public async Task A_payment_from_a_page_shown_before_another_payment_is_refused_and_says_what_changed()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2086, new($"Stale {InvoiceSeeds.Token()}"));
        var first = await portal.SignedInStaffAsync("Ada First");
        var second = await portal.SignedInStaffAsync("Bo Second");
        var firstPage = await first.GetAsync($"/staff/invoices/{invoice.Id}");
        var secondPage = await second.GetAsync($"/staff/invoices/{invoice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, Payment("500"), PayForm)).Status);

        var refused = await second.SubmitAsync(secondPage, Payment("812.50"), PayForm);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = Assert.Single(refused.Errors, e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Contains("$500.00 by Ada First", message, StringComparison.Ordinal);
        Assert.Contains("$812.50", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was recorded", message, StringComparison.Ordinal);
        Assert.Single(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
        Assert.Equal("$812.50", Testid(refused, "balance"));

        // The page shown with the message is up to date: submitting it again records the payment.
        var again = await second.SubmitAsync(refused, Payment("812.50"), PayForm);
        Assert.True(again.Status == HttpStatusCode.Redirect, string.Join(" ", again.Errors));
        Assert.Equal(2, (await InvoiceSeeds.PaymentsAsync(portal, invoice.Id)).Count);
    }

    [Fact]
    public async Task Two_staff_recording_the_last_payment_at_once_record_it_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var invoice = await InvoiceSeeds.AddOneAsync(portal, 2087, new($"Race {round} {InvoiceSeeds.Token()}"));
            var first = await portal.SignedInStaffAsync("Ada First");
            var second = await portal.SignedInStaffAsync("Bo Second");
            var firstPage = await first.GetAsync($"/staff/invoices/{invoice.Id}");
            var secondPage = await second.GetAsync($"/staff/invoices/{invoice.Id}");
            Assert.Equal(firstPage.One("input[name='Input.Version']")!.GetAttribute("value"), secondPage.One("input[name='Input.Version']")!.GetAttribute("value"));

            var results = await Task.WhenAll(
                first.SubmitAsync(firstPage, Payment("1312.50", reference: "first"), PayForm),
                second.SubmitAsync(secondPage, Payment("1312.50", reference: "second"), PayForm));

            Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
            var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            Assert.Contains(loser.Errors, e => e.Contains("already paid in full", StringComparison.Ordinal) || e.Contains("changed by someone else", StringComparison.Ordinal));
            var payment = Assert.Single(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
            Assert.Equal(1_312.50m, payment.Amount);
            var state = await portal.WithDbAsync(db => db.Memberships.AsNoTracking().Include(m => m.History).SingleAsync(m => m.Id == invoice.MembershipId));
            Assert.Equal(MembershipStatus.Active, state.Status);
            Assert.Single(state.History, h => h.Reason == $"Invoice {invoice.Number} paid in full" && h.ByName != "Seeder");
            Assert.Equal(InvoiceStatus.Paid, await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync()));
        }
    }

    [Fact]
    public async Task Paying_in_full_makes_the_member_Active_and_the_mayors_office_sees_it_paid_and_downloads_the_pdf()
    {
        var staff = await portal.SignedInStaffAsync("Pat Payments");
        var approved = await Workflow.ApplyAndApproveAsync(portal, population: 108_250, staff: staff);
        var applicantEmail = approved.Form["Input.ApplicantEmail"]!;
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        // The applicant confirms their address with the link from the application email and signs in.
        var received = await portal.Mail.WaitForAsync(applicantEmail, "membership application");
        var applicant = portal.Client();
        var confirmed = await applicant.GetAsync(new Uri(received.Link("/account/confirmemail")).PathAndQuery);
        Assert.Contains("Email address confirmed", confirmed.Text, StringComparison.Ordinal);
        await applicant.SignInAsync(applicantEmail, PortalFixture.Password);
        // The worker emails the invoice and marks it Sent; staff record the payment after that.
        await InvoiceSeeds.WaitUntilSentAsync(portal, invoice.Id);

        var posted = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", Payment("1,312.50", method: "Check", reference: "Check 4417"), PayForm);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var page = await staff.GetAsync(posted.Location!);
        Assert.Contains($"Invoice {invoice.Number} is paid in full; {approved.Form["Input.Name"]}'s membership is Active.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Paid", Testid(page, "status"));
        Assert.Equal("$0.00", Testid(page, "balance"));
        Assert.Null(page.One(PayForm));

        var membership = await portal.WithDbAsync(db => db.Memberships.AsNoTracking().Include(m => m.History).SingleAsync(m => m.Id == approved.MembershipId));
        Assert.Equal(MembershipStatus.Active, membership.Status);
        var entry = membership.History.OrderBy(h => h.Id).Last();
        Assert.Equal(MembershipStatus.Invoiced, entry.From);
        Assert.Equal(MembershipStatus.Active, entry.To);
        Assert.Equal($"Invoice {invoice.Number} paid in full", entry.Reason);
        Assert.Equal("Pat Payments", entry.ByName);
        Assert.Equal(InvoiceStatus.Paid, await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync()));

        var account = await applicant.GetAsync("/account");
        Assert.Equal("Active", account.One("[data-testid=membership-status]")!.TextContent.Trim());
        Assert.Contains($"Invoice {invoice.Number} paid in full", account.One("[data-testid=membership-history]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(account.One("main a[href='/account/invoices']"));

        var invoices = await applicant.GetAsync("/account/invoices");
        var row = invoices.One($"tr[data-number='{invoice.Number}']")!;
        Assert.Equal("Paid", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal("$0.00", row.QuerySelector("[data-testid=balance]")!.TextContent.Trim());

        var pdf = await applicant.Http.GetAsync(row.QuerySelector("[data-testid=pdf]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Invoice-{invoice.Number}.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = await Workflow.PdfTextAsync(bytes);
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains(approved.Form["Input.Name"]!, text, StringComparison.Ordinal);
        Assert.Matches(@"Balance due\s+\$0\.00", text);
        Assert.Contains("PAID", await InvoiceSeeds.PdfRawTextAsync(bytes), StringComparison.Ordinal);
    }
}

public sealed class RecordingPaymentsTests_Sqlite(SqlitePortal portal) : RecordingPaymentsTests(portal), IClassFixture<SqlitePortal>;

public sealed class RecordingPaymentsTests_Postgres(PostgresPortal portal) : RecordingPaymentsTests(portal), IClassFixture<PostgresPortal>;

public sealed class RecordingPaymentsTests_SqlServer(SqlServerPortal portal) : RecordingPaymentsTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>The staff invoice pages are for staff: anyone else signed in is refused, anonymous visitors are sent to sign in.</summary>
public abstract class InvoicePagesAuthorizationTests(PortalFixture portal)
{
    public static TheoryData<string> StaffPages => new() { "/staff/invoices", "/staff/invoices/{id}", "/staff/invoices/{id}/pdf" };

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string page)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2098, new($"Anonton {InvoiceSeeds.Token()}"));
        var url = page.Replace("{id}", invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var result = await portal.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.StartsWith("/account/login?ReturnUrl=", new Uri(new Uri("https://localhost"), result.Location!).PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(invoice.Number, result.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_signed_in_applicant_or_member_is_refused(string page)
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2098, new($"Refuseton {InvoiceSeeds.Token()}"));
        var url = page.Replace("{id}", invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var applicant = portal.Client();
        await applicant.SignInAsync(await TestAccounts.CreateAsync(portal), PortalFixture.Password);
        // A member of the very city the invoice is for is refused too.
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);

        foreach (var client in new[] { applicant, member })
        {
            var result = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.Forbidden, result.Status);
            Assert.Equal("Not allowed", result.One("h1")?.TextContent.Trim());
            Assert.DoesNotContain(invoice.Number, result.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_posting_a_payment_form_records_nothing()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2098, new($"Postton {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        // A valid antiforgery token of the member's own session, from a page they may see.
        var own = await member.GetAsync("/account");
        var token = own.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var result = await member.PostAsync($"/staff/invoices/{invoice.Id}?handler=Pay",
        [
            new("__RequestVerificationToken", token), new("Input.Amount", "1312.50"), new("Input.ReceivedOn", portal.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Method", "Check"), new("Version", Guid.Empty.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Empty(await InvoiceSeeds.PaymentsAsync(portal, invoice.Id));
    }

    [Theory]
    [InlineData("/account/invoices")]
    [InlineData("/account/invoices/2026-000001/pdf")]
    public async Task The_members_invoice_pages_send_anonymous_visitors_to_sign_in(string url)
    {
        var result = await portal.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Contains("/account/login?ReturnUrl=", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_invoices_link_and_others_do_not()
    {
        var staff = await portal.SignedInStaffAsync();
        var applicant = portal.Client();
        await applicant.SignInAsync(await TestAccounts.CreateAsync(portal), PortalFixture.Password);

        Assert.NotNull((await staff.GetAsync("/account")).One("nav[aria-label=Staff] a[href='/staff/invoices']"));
        Assert.Null((await applicant.GetAsync("/account")).One("a[href='/staff/invoices']"));
    }
}

public sealed class InvoicePagesAuthorizationTests_Sqlite(SqlitePortal portal) : InvoicePagesAuthorizationTests(portal), IClassFixture<SqlitePortal>;

public sealed class InvoicePagesAuthorizationTests_Postgres(PostgresPortal portal) : InvoicePagesAuthorizationTests(portal), IClassFixture<PostgresPortal>;

public sealed class InvoicePagesAuthorizationTests_SqlServer(SqlServerPortal portal) : InvoicePagesAuthorizationTests(portal), IClassFixture<SqlServerPortal>;

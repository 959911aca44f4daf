using System.Net;
using System.Text.RegularExpressions;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Pages.Staff.Documents;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Account.Invoices;

/// <summary>
/// Issue 14 item 6, and item 4 before anything is uploaded: the council packet a clerk puts in front of a council (Dallas
/// adopted resolutions to pay its dues; Douglas takes vendor payments to council monthly): a cover letter naming the
/// city, its mayor, the amount and the period; the invoice; the dues schedule with the city's row marked; the W-9 merged
/// as pages once one is uploaded. One story per portal, since the documents are the association's, shared by every test.
/// </summary>
public abstract partial class CouncilPacketTests(PortalFixture portal)
{
    [Fact]
    public async Task The_packet_holds_letter_invoice_schedule_and_once_uploaded_the_W9_and_pages_and_emails_say_when_there_is_none()
    {
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2161, new($"Mounds View {InvoiceSeeds.Token()}", Amount: 1_177m));
        var billing = await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.BillingEmail).SingleAsync());
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);

        // Nothing uploaded yet: the pages say so, the download says so, and the invoice email has no link.
        var invoices = await member.GetAsync("/account/invoices");
        Assert.Contains("Our W-9 is not on file here yet", invoices.One("[data-testid=missing-w-9]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Our ACH/remittance form is not on file here yet", invoices.One("[data-testid=missing-ach-form]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await admin.GetAsync("/staff/documents")).One("[data-testid=none-w-9]"));
        var none = await portal.Client().GetAsync("/documents/w-9");
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal("No W-9 on file yet", none.One("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>(), "form[data-testid=resend]")).Status);
        var mail = await portal.Mail.WaitForAsync(billing, invoice.Number);
        Assert.DoesNotContain("/documents/", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("W-9", mail.Text, StringComparison.Ordinal);

        var packetLink = invoices.One($"tr[data-number='{invoice.Number}'] [data-testid=council-packet]")!.GetAttribute("href")!;
        var withoutW9 = await member.Http.GetAsync(packetLink);
        Assert.Equal(HttpStatusCode.OK, withoutW9.StatusCode);
        Assert.Equal($"Council-packet-{invoice.Number}.pdf", withoutW9.Content.Headers.ContentDisposition?.FileNameStar ?? withoutW9.Content.Headers.ContentDisposition?.FileName);
        var before = await withoutW9.Content.ReadAsByteArrayAsync();
        var text = Squash(await Workflow.PdfTextAsync(before));
        Assert.Equal(4, DocumentUploads.PageCount(before));
        Assert.Contains($"Dear Members of the Council of {invoice.MemberName}:", text, StringComparison.Ordinal);
        Assert.Contains($"invoice {invoice.Number} for {invoice.MemberName}'s membership dues in MayorsNetwork: $1,177.00 for the period January 1, 2161 to December 31, 2161", text, StringComparison.Ordinal);
        Assert.Contains("Mayor Robin Mayor represents the city", text, StringComparison.Ordinal);
        Assert.Contains("Advocacy: a vote on the policy resolutions", text, StringComparison.Ordinal);
        Assert.Contains("INVOICE", text, StringComparison.Ordinal);
        Assert.Contains($"Invoice number {invoice.Number}", text, StringComparison.Ordinal);
        Assert.Contains("Dues schedule, fiscal year 2161: Population tiers (ICLEI USA table)", text, StringComparison.Ordinal);
        Assert.Contains("has a population of 108,250 on record: its row is marked.", text, StringComparison.Ordinal);
        Assert.Matches(@"100,000 to 199,999 \$1,750\.00 — your city", text);
        Assert.Single(Regex.Matches(text, "your city"));
        Assert.Contains("The association's Form W-9 is not on file in the portal yet.", text, StringComparison.Ordinal);
        // The letter does not say a W-9 is enclosed when none is on file.
        Assert.True(text.Contains("Form W-9 is not on file in the portal yet; your finance office can ask", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Form W-9 is enclosed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("and the association's Form W-9 for your finance office", text, StringComparison.Ordinal);

        // The W-9 uploaded: the packet merges its pages in place of the note.
        var token = $"W9TOKEN{InvoiceSeeds.Token()}";
        Assert.Equal(HttpStatusCode.Redirect, (await DocumentUploads.UploadAsync(admin, "W9", "w9.pdf", DocumentUploads.Pdf(token, pages: 2))).Status);

        var after = await member.Http.GetByteArrayAsync(packetLink);
        var afterText = Squash(await Workflow.PdfTextAsync(after));
        Assert.Equal(5, DocumentUploads.PageCount(after));
        Assert.Contains($"{token} page 1", afterText, StringComparison.Ordinal);
        Assert.Contains($"{token} page 2", afterText, StringComparison.Ordinal);
        Assert.DoesNotContain("not on file", afterText, StringComparison.Ordinal);
        Assert.True(afterText.Contains("Form W-9 is enclosed for your finance office.", StringComparison.Ordinal), afterText);
        Assert.True(afterText.IndexOf("Dear Members", StringComparison.Ordinal) < afterText.IndexOf($"Invoice number {invoice.Number}", StringComparison.Ordinal)
                    && afterText.IndexOf($"Invoice number {invoice.Number}", StringComparison.Ordinal) < afterText.IndexOf("— your city", StringComparison.Ordinal)
                    && afterText.IndexOf("— your city", StringComparison.Ordinal) < afterText.IndexOf(token, StringComparison.Ordinal),
            "The packet's parts are in the order letter, invoice, schedule, W-9.");

        // Staff download the same packet from the invoice's page.
        var staffPage = await admin.GetAsync($"/staff/invoices/{invoice.Id}");
        var staffPacket = await admin.Http.GetByteArrayAsync(staffPage.One("[data-testid=council-packet]")!.GetAttribute("href"));
        Assert.Equal(5, DocumentUploads.PageCount(staffPacket));
        Assert.Contains(token, await Workflow.PdfTextAsync(staffPacket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_marks_the_row_of_the_population_the_invoice_was_billed_on()
    {
        // The city gave 108,250 (100,000 to 199,999); staff recorded 250,000 for fiscal year 2163, which prices its invoice.
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2163, new($"Grand Prairie {InvoiceSeeds.Token()}", Amount: 2_250m));
        await portal.WithDbAsync(async db =>
        {
            db.PopulationFigures.Add(new MayorsNetwork.Domain.Dues.PopulationFigure
            {
                GovernmentId = invoice.GovernmentId, FiscalYear = 2163, Population = 250_000, CensusYear = 2020,
                PreviousPopulation = 108_250, RecordedAtUtc = DateTime.UtcNow, RecordedBy = "Sam Staff",
            });
            // A later year's figure does not price this invoice.
            db.PopulationFigures.Add(new MayorsNetwork.Domain.Dues.PopulationFigure
            {
                GovernmentId = invoice.GovernmentId, FiscalYear = 2164, Population = 350_000, CensusYear = 2020,
                PreviousPopulation = 250_000, RecordedAtUtc = DateTime.UtcNow, RecordedBy = "Sam Staff",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);

        var pdf = await member.Http.GetByteArrayAsync($"/account/invoices/{invoice.Number}/council-packet");

        var text = Squash(await Workflow.PdfTextAsync(pdf));
        Assert.Contains("has a population of 250,000 on record: its row is marked.", text, StringComparison.Ordinal);
        Assert.Matches(@"200,000 to 299,999 \$2,250\.00 — your city", text);
        Assert.Single(Regex.Matches(text, "your city"));
        Assert.DoesNotContain("100,000 to 199,999 $1,750.00 — your city", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citys_packet_is_not_found()
    {
        var token = InvoiceSeeds.Token();
        var own = await InvoiceSeeds.AddOneAsync(portal, 2162, new($"Owncity {token}"));
        var other = await InvoiceSeeds.AddOneAsync(portal, 2162, new($"Othercity {token}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, own.GovernmentId);

        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync($"/account/invoices/{own.Number}/council-packet")).StatusCode);
        var foreign = await member.GetAsync($"/account/invoices/{other.Number}/council-packet");
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal("Page not found", foreign.One("h1")!.TextContent.Trim());
    }

    private static string Squash(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class CouncilPacketTests_Sqlite(SqlitePortal portal) : CouncilPacketTests(portal), IClassFixture<SqlitePortal>;

public sealed class CouncilPacketTests_Postgres(PostgresPortal portal) : CouncilPacketTests(portal), IClassFixture<PostgresPortal>;

public sealed class CouncilPacketTests_SqlServer(SqlServerPortal portal) : CouncilPacketTests(portal), IClassFixture<SqlServerPortal>;

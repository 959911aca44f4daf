using System.Net;
using System.Security.Cryptography;
using MayorsNetwork.Domain.Documents;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Documents;

/// <summary>
/// Issue 14 item 4: administrators upload the association's W-9 and ACH/remittance form (a PDF by its content, at most
/// 5 MB); an upload becomes the version served, earlier ones stay listed for staff; members download them from
/// /account/invoices, and invoice emails link to them with PublicUrl. Finance offices (North Myrtle Beach, Loveland)
/// want the W-9, and Loveland an ACH form, before they pay.
/// </summary>
public abstract class AssociationDocumentsTests(PortalFixture portal)
{
    [Fact]
    public async Task An_admin_uploads_the_W9_and_a_member_downloads_the_same_bytes_from_the_invoices_page()
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var w9 = DocumentUploads.Pdf($"W9-{InvoiceSeeds.Token()}");

        var posted = await DocumentUploads.UploadAsync(admin, "W9", "Association W-9 (signed).pdf", w9);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var after = await admin.GetAsync(posted.Location!);
        Assert.Matches(@"The W-9 is uploaded as version \d+\. Members download it from their invoices page, and invoice emails link to it\.", after.Text);
        var stored = await portal.WithDbAsync(db => db.AssociationDocuments.AsNoTracking().Where(d => d.Kind == DocumentKind.W9).OrderByDescending(d => d.Version).FirstAsync());
        Assert.Equal(w9, stored.Content);
        Assert.Equal((long)w9.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(w9)), stored.Sha256);
        Assert.Equal("Association-W-9-signed.pdf", stored.FileName);
        Assert.Equal("Avery Admin", stored.UploadedBy);
        var row = after.One($"[data-testid=versions-w-9] tr[data-version='{stored.Version}']")!;
        Assert.Contains("(current)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Avery Admin", row.QuerySelector("[data-testid=uploaded-by]")!.TextContent.Trim());

        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2151, new($"Loveland {InvoiceSeeds.Token()}"));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, invoice.GovernmentId);
        var invoices = await member.GetAsync("/account/invoices");
        var link = invoices.One("[data-testid=document-w-9]")!;
        Assert.Contains("Our W-9 (PDF", link.TextContent, StringComparison.Ordinal);
        var response = await member.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(w9.Length, response.Content.Headers.ContentLength);
        Assert.Equal(w9, await response.Content.ReadAsByteArrayAsync());
        // Public: a billing contact with no account opens the link from the invoice email.
        Assert.Equal(w9, await portal.Client().Http.GetByteArrayAsync("/documents/w-9"));
    }

    [Fact]
    public async Task A_second_version_replaces_the_first_which_staff_still_list_and_download()
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var before = await VersionsAsync(DocumentKind.AchForm);
        var first = DocumentUploads.Pdf($"ACH-one-{InvoiceSeeds.Token()}");
        var second = DocumentUploads.Pdf($"ACH-two-{InvoiceSeeds.Token()}", pages: 2);

        Assert.Equal(HttpStatusCode.Redirect, (await DocumentUploads.UploadAsync(admin, "AchForm", "ach.pdf", first)).Status);
        var posted = await DocumentUploads.UploadAsync(admin, "AchForm", "ach-2027.pdf", second);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(before + 2, await VersionsAsync(DocumentKind.AchForm));
        Assert.Equal(second, await portal.Client().Http.GetByteArrayAsync("/documents/ach-form"));

        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var page = await staff.GetAsync("/staff/documents");
        var rows = page.Document.QuerySelectorAll("[data-testid=versions-ach-form] tbody tr");
        Assert.Equal(before + 2, rows.Length);
        Assert.Contains("(current)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("ach-2027.pdf", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("ach.pdf", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(current)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Avery Admin", rows[1].QuerySelector("[data-testid=uploaded-by]")!.TextContent.Trim());
        Assert.EndsWith("KB", rows[1].QuerySelector("[data-testid=size]")!.TextContent.Trim(), StringComparison.Ordinal);
        var earlier = await staff.Http.GetByteArrayAsync(rows[1].QuerySelector("[data-testid=download]")!.GetAttribute("href"));
        Assert.Equal(first, earlier);
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "w9.pdf", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "The file is not a PDF (whatever its name says), so it was not uploaded." },
        { "w9.pdf", "%PDF-1.7\nthis is not really a PDF\n%%EOF\n"u8.ToArray(), "The file starts like a PDF but could not be read as one" },
        { "w9.pdf", [], "The file is empty (0 bytes), so it was not uploaded." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_readable_PDF_gets_a_message_and_nothing_is_stored(string fileName, byte[] content, string message)
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var before = await VersionsAsync(DocumentKind.W9);

        var page = await DocumentUploads.UploadAsync(admin, "W9", fileName, content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.One("#Input_File-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await VersionsAsync(DocumentKind.W9));
    }

    [Fact]
    public async Task A_file_one_byte_over_5_MB_is_refused_with_a_message_on_the_page()
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var before = await VersionsAsync(DocumentKind.W9);
        var content = new byte[PdfUpload.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(content);

        var posted = await DocumentUploads.UploadAsync(admin, "W9", "big.pdf", content);

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.Equal($"/staff/documents?{UploadLimitAttribute.TooLargeQuery}=true", posted.Location);
        var page = await admin.GetAsync(posted.Location!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(PdfUpload.TooLargeMessage, page.One("#Input_File-error")!.TextContent.Trim());
        Assert.Equal(before, await VersionsAsync(DocumentKind.W9));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("no-boundary")]
    [InlineData("bad-header")]
    public async Task A_malformed_upload_form_gets_its_own_message_not_too_large_and_stores_nothing(string malformation)
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var before = await VersionsAsync(DocumentKind.W9);
        var body = malformation switch
        {
            // The closing boundary never comes.
            "truncated" => "--XYZ\r\nContent-Disposition: form-data; name=\"Input.Kind\"\r\n\r\nW9\r\n--XYZ\r\nContent-Disposition: form-data; name=\"Input.File\"; filename=\"w9.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 cut off",
            "bad-header" => "--XYZ\r\nThis is not a header line\r\n\r\nW9\r\n--XYZ--\r\n",
            _ => "--XYZ\r\nContent-Disposition: form-data; name=\"Input.Kind\"\r\n\r\nW9\r\n--XYZ--\r\n",
        };
        using var content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", malformation == "no-boundary" ? "multipart/form-data" : "multipart/form-data; boundary=XYZ");

        var posted = await admin.PostAsync("/staff/documents", content);

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.Equal($"/staff/documents?{UploadLimitAttribute.UnreadableQuery}=true", posted.Location);
        var page = await admin.GetAsync(posted.Location!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = page.One("#Input_File-error")!.TextContent.Trim();
        Assert.Equal(UploadLimitAttribute.UnreadableMessage, error);
        Assert.DoesNotContain("larger than", error, StringComparison.Ordinal);
        Assert.Equal(before, await VersionsAsync(DocumentKind.W9));
    }

    [Fact]
    public async Task No_kind_or_no_file_gets_a_message()
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        var before = await VersionsAsync(DocumentKind.W9);
        var page = await admin.GetAsync("/staff/documents");

        var posted = await admin.SubmitAsync(page, new Dictionary<string, string?>(), "form[data-testid=upload-form]");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose which document this is", posted.One("#Input_Kind-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose the PDF file to upload.", posted.One("#Input_File-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await VersionsAsync(DocumentKind.W9));
    }

    [Fact]
    public async Task Staff_who_are_not_admins_see_the_versions_but_cannot_upload()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var before = await VersionsAsync(DocumentKind.W9);

        var page = await staff.GetAsync("/staff/documents");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.One("form[data-testid=upload-form]"));
        Assert.Equal("Only administrators upload new versions.", page.One("[data-testid=admins-upload]")!.TextContent.Trim());
        var token = page.One("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? (await staff.GetAsync("/staff/invoices")).One("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("W9"), "Input.Kind" },
            { new ByteArrayContent(DocumentUploads.Pdf("not-allowed")), "Input.File", "w9.pdf" },
        };
        Assert.False(string.IsNullOrEmpty(token), "a valid antiforgery token, so that the admin check is what refuses");
        var posted = await staff.PostAsync("/staff/documents", form);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(before, await VersionsAsync(DocumentKind.W9));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AssociationDocuments.CountAsync(d => d.UploadedBy == "Sam Staff")));
    }

    [Fact]
    public async Task Invoice_emails_link_to_both_documents_with_the_public_url()
    {
        var admin = await portal.SignedInStaffAsync("Avery Admin", Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await DocumentUploads.UploadAsync(admin, "W9", "w9.pdf", DocumentUploads.Pdf("W9-for-email"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await DocumentUploads.UploadAsync(admin, "AchForm", "ach.pdf", DocumentUploads.Pdf("ACH-for-email"))).Status);
        var invoice = await InvoiceSeeds.AddOneAsync(portal, 2152, new($"Myrtle {InvoiceSeeds.Token()}"));
        var billing = await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.BillingEmail).SingleAsync());

        var resent = await admin.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>(), "form[data-testid=resend]");

        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        var mail = await portal.Mail.WaitForAsync(billing, invoice.Number);
        var publicUrl = portal.Factory.Services.GetRequiredService<IOptions<MembershipOptions>>().Value.PublicUrl.TrimEnd('/');
        var text = System.Text.RegularExpressions.Regex.Replace(mail.Text, @"\s+", " ");
        Assert.Contains($"Our W-9, for your finance office's records: {publicUrl}/documents/w-9", text, StringComparison.Ordinal);
        Assert.Contains($"Our ACH/remittance form, to pay electronically: {publicUrl}/documents/ach-form", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{publicUrl}/documents/w-9\"", mail.Html, StringComparison.Ordinal);
    }

    private Task<int> VersionsAsync(DocumentKind kind) => portal.WithDbAsync(db => db.AssociationDocuments.CountAsync(d => d.Kind == kind));
}

public sealed class AssociationDocumentsTests_Sqlite(SqlitePortal portal) : AssociationDocumentsTests(portal), IClassFixture<SqlitePortal>;

public sealed class AssociationDocumentsTests_Postgres(PostgresPortal portal) : AssociationDocumentsTests(portal), IClassFixture<PostgresPortal>;

public sealed class AssociationDocumentsTests_SqlServer(SqlServerPortal portal) : AssociationDocumentsTests(portal), IClassFixture<SqlServerPortal>;

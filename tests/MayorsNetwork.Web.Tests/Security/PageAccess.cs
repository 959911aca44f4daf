using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>Who may open a page.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in account (applicant, member or staff).</summary>
    SignedIn,

    /// <summary>Association staff (role Staff or Admin).</summary>
    Staff,

    /// <summary>Admin only: staff without the Admin role are told "not allowed" (the audit trail).</summary>
    Admin,
}

/// <summary>
/// The decision for one page. <see cref="Page"/> is the view-engine path ("/Staff/Applications/Detail").
/// <see cref="Heading"/> is the text of the page's h1 when an allowed user opens it. A sample URL is
/// needed for routes with parameters; "{application}" stands for the id of an application the test
/// creates, "{invoice}" and "{invoice-number}" for the id and number of the member city's first invoice,
/// creates and "{city}" for its government's name.
/// </summary>
public sealed record PageRule(string Page, Access Access, string Heading, string? SampleUrl = null)
{
    /// <summary>What an allowed user gets; a few pages answer with an error status by design.</summary>
    public HttpStatusCode AllowedStatus { get; init; } = HttpStatusCode.OK;

    /// <summary>For pages that send an allowed user elsewhere when there is nothing to show (a GET redirect).</summary>
    public string? AllowedRedirectTo { get; init; }

    public override string ToString() => Page;
}

/// <summary>
/// The declared access of every page of the portal. A page the app has and this table lacks fails
/// <see cref="AuthorizationMatrixTests"/>: a new page needs a decision here before it ships.
/// </summary>
public static class PageAccess
{
    public static readonly IReadOnlyList<PageRule> Pages =
    [
        new("/Index", Access.Public, "The voice of cities, together"),
        new("/Dues/Index", Access.Public, "Dues calculator"),
        new("/Join/Index", Access.Public, "Apply for membership"),
        // The member directory is public: the association publishes who its members are.
        new("/Members/Index", Access.Public, "Member directory"),
        new("/Join/Submitted", Access.Public, "Application received"),

        new("/Account/Login", Access.Public, "Sign in"),
        // Without a password step done first there is no code to ask for: back to the sign-in page.
        new("/Account/LoginWith2fa", Access.Public, "Two-step verification") { AllowedRedirectTo = "/account/login" },
        new("/Account/Logout", Access.Public, "Sign out"),
        new("/Account/ForgotPassword", Access.Public, "Reset your password"),
        new("/Account/ResetPassword", Access.Public, "Choose a new password"),
        new("/Account/ConfirmEmail", Access.Public, "This link does not work"),
        new("/Account/ResendConfirmation", Access.Public, "Send the confirmation link again"),
        new("/Account/AccessDenied", Access.Public, "Not allowed") { AllowedStatus = HttpStatusCode.Forbidden },
        new("/Account/Index", Access.SignedIn, "Welcome,"),
        new("/Account/TwoFactor", Access.SignedIn, "Two-step verification"),
        new("/Account/ChangePassword", Access.SignedIn, "Change your password"),
        new("/Account/Security", Access.SignedIn, "Security"),

        // Visited directly (no failed request behind it) the error page says only "not found".
        new("/Error", Access.Public, "Page not found", "/error/500") { AllowedStatus = HttpStatusCode.NotFound },

        new("/Staff/Applications/Index", Access.Staff, "Membership applications"),
        new("/Staff/Applications/Detail", Access.Staff, "{city}, CO", "/staff/applications/{application}"),
        new("/Staff/Dues/Index", Access.Staff, "Dues schedules"),
        new("/Staff/Dues/Create", Access.Staff, "New dues schedule"),
        new("/Staff/Renewals/Index", Access.Staff, "Renewal invoices"),
        new("/Staff/Outbox/Index", Access.Staff, "Outbox"),
        // Who did what (issue 15 item 5): Admin only; AuditTrailTests checks the entries, the search and the CSV.
        new("/Staff/Audit/Index", Access.Admin, "Audit trail"),
        new("/Staff/Invoices/Index", Access.Staff, "Invoices"),
        new("/Staff/Invoices/Detail", Access.Staff, "Invoice ", "/staff/invoices/{invoice}"),
        // A PDF: no heading to check.
        new("/Staff/Invoices/Pdf", Access.Staff, "", "/staff/invoices/{invoice}/pdf"),
        new("/Account/Invoices/Index", Access.SignedIn, "Invoices"),

        // Committees: rosters are public (the association publishes them); running them is staff work. The
        // seeded Climate Change Task Force stands in for any body.
        new("/Committees/Index", Access.Public, "Committees and task forces"),
        new("/Committees/Body", Access.Public, "Climate Change Task Force", "/committees/climate-change-task-force"),
        // A CSV file: no heading to check.
        new("/Committees/Roster", Access.Public, "", "/committees/climate-change-task-force/roster.csv"),
        new("/Staff/Committees/Index", Access.Staff, "Committees and seats"),
        new("/Staff/Committees/Create", Access.Staff, "New body"),
        new("/Staff/Committees/Detail", Access.Staff, "Climate Change Task Force", "/staff/committees/climate-change-task-force"),
        new("/Staff/Committees/Edit", Access.Staff, "Edit Climate Change Task Force", "/staff/committees/climate-change-task-force/edit"),
        new("/Staff/Committees/Appoint", Access.Staff, "Appoint to Climate Change Task Force", "/staff/committees/climate-change-task-force/appoint"),
        // All seats with who appointed and ended them: a CSV for staff.
        new("/Staff/Committees/Seats", Access.Staff, "", "/staff/committees/seats.csv"),
        // Meetings: the list is public; scheduling and credentialing are staff work. The seeded Winter Meeting
        // (the first meeting a new portal has) stands in for any meeting.
        new("/Meetings/Index", Access.Public, "Meetings"),
        new("/Staff/Meetings/Index", Access.Staff, "Meetings"),
        new("/Staff/Meetings/Create", Access.Staff, "New meeting"),
        new("/Staff/Meetings/Detail", Access.Staff, "Winter Meeting", "/staff/meetings/1"),
        new("/Staff/Meetings/Edit", Access.Staff, "Edit Winter Meeting", "/staff/meetings/1/edit"),
        // Resolutions: the list and each resolution are public (the association publishes its policy process);
        // submitting is for signed-in accounts, and the page itself tells those whose city cannot submit why
        // (an applicant, a city not yet Active, staff). "{resolution}" is one the matrix seeds for the member city.
        new("/Resolutions/Index", Access.Public, "Resolutions"),
        new("/Resolutions/Detail", Access.Public, "Matrix Resolution on Clean Water", "/resolutions/{resolution}"),
        new("/Resolutions/New", Access.SignedIn, "Submit a resolution"),
        new("/Staff/Resolutions/Index", Access.Staff, "Resolutions"),
        new("/Staff/Resolutions/Detail", Access.Staff, "Matrix Resolution on Clean Water", "/staff/resolutions/{resolution}"),
        // Results: public. The matrix has no vote, so an unknown one stands in: a 404 page for everyone
        // (ResultsPageTests and RollCallTests open real ones). The policy report of the seeded Winter Meeting,
        // which adopted nothing, is a page saying so.
        new("/Votes/Results", Access.Public, "Page not found", "/votes/999999/results") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Votes/RollCallCsv", Access.Public, "Page not found", "/votes/999999/roll-call.csv") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Votes/RollCallPdf", Access.Public, "Page not found", "/votes/999999/roll-call.pdf") { AllowedStatus = HttpStatusCode.NotFound },
        // The ballot is for signed-in accounts (the page tells each why they have no ballot, if so); the live tally is
        // public, as in the meeting hall; the vote's own page (close, audit) is staff work. Unknown votes stand in, as
        // above; CastingBallotsTests, LiveTallyTests and StaffVotePageTests open real ones.
        new("/Votes/Ballot", Access.SignedIn, "Page not found", "/votes/999999") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Votes/Tally", Access.Public, "Page not found", "/votes/999999/tally") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Staff/Votes/Detail", Access.Staff, "Page not found", "/staff/votes/999999") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Meetings/Adopted", Access.Public, "No adopted resolutions", "/meetings/1/adopted.pdf"),
        // Only the city's own accounts get its PDF; any other signed-in account is told "not found"
        // (MemberInvoicesTests checks the city's own download).
        new("/Account/Invoices/Pdf", Access.SignedIn, "Page not found", "/account/invoices/1999-000001/pdf") { AllowedStatus = HttpStatusCode.NotFound },
        // The PO and vendor numbers of one of the city's unpaid invoices (issue 14): the same rule as its PDF
        // (PurchaseOrderNumbersTests checks the city's own invoice and another city's).
        new("/Account/Invoices/References", Access.SignedIn, "Page not found", "/account/invoices/1999-000001/references") { AllowedStatus = HttpStatusCode.NotFound },
        // A payment's receipt or acknowledgement (issue 14): the same rule as the invoice's PDF (ReceiptsTests checks the
        // city's own download and another city's).
        new("/Account/Invoices/Receipt", Access.SignedIn, "Page not found", "/account/invoices/1999-000001/receipts/999999") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Staff/Invoices/Receipt", Access.Staff, "Page not found", "/staff/invoices/999999/receipts/999999") { AllowedStatus = HttpStatusCode.NotFound },
        // The city's billing contacts (issue 14): any signed-in account may open it; one not linked to a city is told it has
        // none, and only the city's mayor or liaison gets the form (BillingContactsTests).
        new("/Account/Billing", Access.SignedIn, "Billing contacts"),
        // "Payment awaits council approval" on one of the city's unpaid invoices (issue 14, item 5): the same rule
        // (CouncilApprovalTests checks the city's own invoice and another city's).
        new("/Account/Invoices/Council", Access.SignedIn, "Page not found", "/account/invoices/1999-000001/council") { AllowedStatus = HttpStatusCode.NotFound },
        // The council packet of one of the city's invoices (issue 14 item 6): the same rule as its PDF (CouncilPacketTests
        // downloads the city's own); staff get any invoice's.
        new("/Account/Invoices/CouncilPacket", Access.SignedIn, "Page not found", "/account/invoices/1999-000001/council-packet") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Staff/Invoices/CouncilPacket", Access.Staff, "", "/staff/invoices/{invoice}/council-packet"),
        // The association's W-9 and ACH form (issue 14 item 4): staff list and download every version (only admins
        // upload, AssociationDocumentsTests); the current one is public, because invoice emails link to it for billing
        // contacts who may have no account, and the invoice already prints what it holds. The matrix's portal has none
        // uploaded: a page saying so.
        new("/Staff/Documents/Index", Access.Staff, "W-9 and ACH form"),
        new("/Staff/Documents/Download", Access.Staff, "Page not found", "/staff/documents/999999") { AllowedStatus = HttpStatusCode.NotFound },
        new("/Documents/Download", Access.Public, "No W-9 on file yet", "/documents/w-9") { AllowedStatus = HttpStatusCode.NotFound },
        // Next year's dues (issue 14 item 8): the city's fiscal-year month and estimate (an account with no city is told
        // so); the population figures, their preview and their CSV upload are staff work.
        new("/Account/Budget", Access.SignedIn, "Next year's dues"),
        new("/Staff/Populations/Index", Access.Staff, "Next year's population figures"),
        new("/Staff/Populations/Upload", Access.Staff, "Upload population figures"),
    ];

    public static PageRule? For(string page) => Pages.FirstOrDefault(p => p.Page == page);

    /// <summary>Every Razor page the running app routes to, by view-engine path, with its route templates and compiled descriptor.</summary>
    public static async Task<IReadOnlyList<AppPage>> DiscoverAsync(PortalFixture portal)
    {
        var sources = portal.Factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = portal.Factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<AppPage>();
        foreach (var group in sources.Endpoints.OfType<RouteEndpoint>()
                     .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
                     .Where(x => x.Descriptor is not null)
                     .GroupBy(x => x.Descriptor!.ViewEnginePath))
        {
            var (endpoint, descriptor) = group.First();
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor!, endpoint.Metadata);
            pages.Add(new AppPage(group.Key, group.Select(x => "/" + x.Endpoint.RoutePattern.RawText).Distinct().ToList(), compiled));
        }

        return pages.OrderBy(p => p.Page, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A page as the running app routes it.</summary>
public sealed record AppPage(string Page, IReadOnlyList<string> Routes, CompiledPageActionDescriptor Descriptor)
{
    /// <summary>The address to request: the rule's sample URL, else the app's shortest route (which then has no parameters).</summary>
    public string? Url(PageRule rule, Visitors visitors)
    {
        // Lowercase, as the app writes its links (LowercaseUrls).
        var url = rule.SampleUrl ?? Routes.Where(r => !r.Contains('{', StringComparison.Ordinal)).OrderBy(r => r.Length).FirstOrDefault()?.ToLowerInvariant();
        return url?.Replace("{application}", visitors.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{invoice-number}", visitors.InvoiceNumber, StringComparison.Ordinal)
            .Replace("{invoice}", visitors.InvoiceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{resolution}", visitors.ResolutionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public override string ToString() => $"{Page} ({string.Join(", ", Routes)})";
}

/// <summary>The five kinds of visitor the matrix checks, and the application their pages are about.</summary>
public sealed class Visitors
{
    public required PortalClient Anonymous { get; init; }

    /// <summary>Signed in, email confirmed, application pending, no city linked.</summary>
    public required PortalClient Applicant { get; init; }

    /// <summary>Signed in, account linked to a city whose application staff approved.</summary>
    public required PortalClient Member { get; init; }

    public required PortalClient Staff { get; init; }

    /// <summary>Staff with the Admin role only (the Staff policy lets Admin in; Admin pages let only Admin in).</summary>
    public required PortalClient Admin { get; init; }

    /// <summary>The applicant's pending application.</summary>
    public required int ApplicationId { get; init; }

    /// <summary>The member city's first invoice, issued when staff approved it.</summary>
    public required int InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    /// <summary>A resolution sponsored by the member city for the first seeded meeting, written straight into the database.</summary>
    public required int ResolutionId { get; init; }

    public required string City { get; init; }

    /// <summary>The applicant's email address (a real account for forms that ask for one).</summary>
    public required string ApplicantEmail { get; init; }

    public PortalClient For(string visitor) => visitor switch
    {
        "anonymous" => Anonymous,
        "applicant" => Applicant,
        "member" => Member,
        "staff" => Staff,
        "admin" => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, null),
    };

    public static readonly string[] Kinds = ["anonymous", "applicant", "member", "staff", "admin"];

    public static bool IsAllowed(Access access, string visitor) => access switch
    {
        Access.Public => true,
        Access.SignedIn => visitor != "anonymous",
        Access.Staff => visitor is "staff" or "admin",
        Access.Admin => visitor == "admin",
        _ => false,
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PortalFixture, Task<Visitors>> Created = new();

    /// <summary>The visitors of a fixture, created once (signing in four accounts is slow with 210,000 hash iterations).</summary>
    public static Task<Visitors> OfAsync(PortalFixture portal) => Created.GetValue(portal, CreateAsync);

    private static async Task<Visitors> CreateAsync(PortalFixture portal)
    {
        var staff = await portal.SignedInStaffAsync("Matrix Staff");
        var admin = await portal.SignedInStaffAsync("Matrix Admin", Roles.Admin);

        var (applicant, applicationId, city, applicantEmail) = await ApplyAndSignInAsync(portal);

        var (member, memberApplication, _, _) = await ApplyAndSignInAsync(portal);
        var decision = await staff.SubmitFormAsync($"/staff/applications/{memberApplication}", new Dictionary<string, string?>(), "main form", "[data-testid=approve]");
        Assert.True(decision.Status == HttpStatusCode.Redirect, $"Approving the member's application failed: {decision.Text}");
        var linked = await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.GovernmentId != null &&
            db.Memberships.Any(m => m.Id == memberApplication && m.GovernmentId == u.GovernmentId && m.ApplicantUserId == u.Id)));
        Assert.True(linked, "Approval did not link the member's account to the city.");
        var invoice = await portal.WithDbAsync(db => db.Invoices.Where(i => i.MembershipId == memberApplication).Select(i => new { i.Id, i.Number }).SingleAsync());
        var resolutionId = await portal.WithDbAsync(async db =>
        {
            var meetingId = await db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            var sponsor = await db.Memberships.Where(m => m.Id == memberApplication).Select(m => m.ApplicantUserId!).SingleAsync();
            var resolution = MayorsNetwork.Domain.Resolutions.Resolution.Submit(meetingId, "Matrix Resolution on Clean Water", "The Conference supports **clean water**.",
                memberApplication, sponsor, "Mayor Matrix", "Matrixville, CO", portal.Clock.GetUtcNow().UtcDateTime);
            db.Resolutions.Add(resolution);
            await db.SaveChangesAsync();
            return resolution.Id;
        });

        return new Visitors
        {
            Anonymous = portal.Client(),
            Applicant = applicant,
            Member = member,
            Staff = staff,
            Admin = admin,
            ApplicationId = applicationId,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            ResolutionId = resolutionId,
            City = city,
            ApplicantEmail = applicantEmail,
        };
    }

    private static async Task<(PortalClient Client, int ApplicationId, string City, string Email)> ApplyAndSignInAsync(PortalFixture portal)
    {
        var client = portal.Client();
        var form = Applications.Valid();
        var posted = await client.SubmitFormAsync("/join", form);
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"Applying failed: {string.Join(" ", posted.Errors)}");
        var email = form["Input.ApplicantEmail"]!;
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No applicant account");
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        });
        await client.SignInAsync(email, PortalFixture.Password);
        var id = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Government.Name == form["Input.Name"]).Select(m => m.Id).SingleAsync());
        return (client, id, form["Input.Name"]!, email);
    }
}

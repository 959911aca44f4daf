using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Security;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Staff;

/// <summary>
/// Issue 11, defect 3: staff and admin accounts must turn on two-step verification before any staff page opens;
/// until they do, every staff page sends them to enrol. A passkey counts as enrolment (issue 11, passkeys), but then
/// the session must have been made with it. On each database.
/// </summary>
public abstract class StaffMustEnrolTests(PortalFixture portal)
{
    /// <summary>Every staff page of the authorization matrix whose sample address needs no data of its own.</summary>
    private static IEnumerable<string> StaffPages() =>
        PageAccess.Pages.Where(p => p.Access == Access.Staff && !(p.SampleUrl ?? "").Contains('{', StringComparison.Ordinal))
            .Select(rule => rule.SampleUrl ?? rule.Page.ToLowerInvariant().Replace("/index", "", StringComparison.Ordinal));

    [Fact]
    public async Task A_staff_account_without_two_step_verification_is_sent_to_enrol_from_every_staff_page()
    {
        var client = await SignedInWithPasswordOnlyAsync(Roles.Staff);
        var failures = new List<string>();

        foreach (var url in StaffPages())
        {
            var page = await client.GetAsync(url);
            if (page.Status != HttpStatusCode.Redirect || page.Location != "/account/twofactor?required=true")
                failures.Add($"{url}: {(int)page.Status} {page.Location} {page.Text[..Math.Min(80, page.Text.Length)]}");
        }

        Assert.True(failures.Count == 0, "Staff pages that opened without enrolment:\n" + string.Join("\n", failures));
        var enrol = await client.GetAsync("/account/twofactor?required=true");
        Assert.Contains("Staff accounts must turn on two-step verification before opening staff pages.", enrol.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_to_a_staff_page_by_an_unenrolled_account_changes_nothing()
    {
        var client = await SignedInWithPasswordOnlyAsync(Roles.Staff);
        var form = await client.GetAsync("/account");
        var token = form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var before = await portal.WithDbAsync(db => Task.FromResult(db.DuesSchedules.Count()));

        var posted = await client.PostAsync("/staff/dues/create", [new("__RequestVerificationToken", token), new("Input.FiscalYear", "2099")]);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/account/twofactor?required=true", posted.Location);
        Assert.Equal(before, await portal.WithDbAsync(db => Task.FromResult(db.DuesSchedules.Count())));
    }

    [Fact]
    public async Task An_admin_account_is_sent_to_enrol_too()
    {
        var client = await SignedInWithPasswordOnlyAsync(Roles.Admin);

        var page = await client.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/twofactor?required=true", page.Location);
    }

    [Fact]
    public async Task Once_enrolled_on_the_page_it_was_sent_to_the_staff_pages_open()
    {
        var client = await SignedInWithPasswordOnlyAsync(Roles.Staff);
        var sent = await client.GetAsync("/staff/applications");
        var enrol = await client.SubmitFormAsync(sent.Location!, new Dictionary<string, string?>(), "main form", "[data-testid=set-up]");
        var setUp = await client.GetAsync(enrol.Location!);
        Assert.Contains("Staff accounts must turn on two-step verification", setUp.Text, StringComparison.Ordinal);
        var key = setUp.One("[data-testid=shared-key]")!.TextContent;

        await client.SubmitAsync(setUp, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });
        var page = await client.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.One("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mayor_without_two_step_verification_is_not_asked_to_enrol()
    {
        var email = await TestAccounts.CreateAsync(portal, "Mara Mayor");
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var page = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Welcome, Mara Mayor", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_whose_only_second_factor_is_a_passkey_signed_in_with_it_opens_every_staff_page()
    {
        var (_, key) = await StaffWithOnlyAPasskeyAsync();
        var client = portal.Client();
        var signedIn = await PasskeyCeremonies.SignInAsync(client, key);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var failures = new List<string>();

        foreach (var rule in PageAccess.Pages.Where(p => p.Access == Access.Staff && !(p.SampleUrl ?? "").Contains('{', StringComparison.Ordinal)))
        {
            var url = rule.SampleUrl ?? rule.Page.ToLowerInvariant().Replace("/index", "", StringComparison.Ordinal);
            var page = await client.GetAsync(url);
            if (page.Status != rule.AllowedStatus) failures.Add($"{url}: {(int)page.Status} {page.Location}");
        }

        Assert.True(failures.Count == 0, "Staff pages that did not open for a staff member signed in with a passkey:\n" + string.Join("\n", failures));
        Assert.Contains("Membership applications", (await client.GetAsync("/staff/applications")).One("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_with_a_passkey_signed_in_with_the_password_alone_is_asked_for_the_passkey_and_comes_back()
    {
        var (email, key) = await StaffWithOnlyAPasskeyAsync();
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var sent = await client.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.StartsWith("/account/login?passkey=required", sent.Location, StringComparison.Ordinal);
        var login = await client.GetAsync(sent.Location!);
        Assert.Contains("Staff pages need your second factor: sign in with your passkey.", login.Text, StringComparison.Ordinal);
        var form = login.One(PasskeyCeremonies.RequestForm)!;
        Assert.Equal("/staff/applications", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));

        var signedIn = await PasskeyCeremonies.SignInAsync(client, key, returnUrl: "/staff/applications");

        Assert.Equal("/staff/applications", signedIn.Location);
        var page = await client.GetAsync("/staff/applications");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.One("h1")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A staff account without an authenticator app that added a passkey on its Security page.</summary>
    private async Task<(string Email, SoftwarePasskey Key)> StaffWithOnlyAPasskeyAsync()
    {
        var email = await CreateUnenrolledAsync(Roles.Staff);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        var key = new SoftwarePasskey();
        var added = await PasskeyCeremonies.AddAsync(client, key, "Office security key");
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Adding the passkey failed: {string.Join(" ", added.Errors)}");
        return (email, key);
    }

    private async Task<PortalClient> SignedInWithPasswordOnlyAsync(string role)
    {
        var email = await CreateUnenrolledAsync(role);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        return client;
    }

    private async Task<string> CreateUnenrolledAsync(string role)
    {
        var email = $"unenrolled-{Guid.NewGuid():N}@association.example.org";
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Una Enrolled" }, PortalFixture.Password)).Succeeded);
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role);
        });
        return email;
    }
}

public sealed class StaffMustEnrolTests_Sqlite(SqlitePortal portal) : StaffMustEnrolTests(portal), IClassFixture<SqlitePortal>;

public sealed class StaffMustEnrolTests_Postgres(PostgresPortal portal) : StaffMustEnrolTests(portal), IClassFixture<PostgresPortal>;

public sealed class StaffMustEnrolTests_SqlServer(SqlServerPortal portal) : StaffMustEnrolTests(portal), IClassFixture<SqlServerPortal>;

/// <summary>A portal with Security:RequireStaffTwoFactor off, as the Development settings have it for the demo account.</summary>
public sealed class StaffTwoFactorOptionalPortal : SqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Security:RequireStaffTwoFactor", "false")];
}

/// <summary>With the setting off (Development's demo staff account), the password alone opens the staff pages.</summary>
public sealed class StaffTwoFactorOptionalTests(StaffTwoFactorOptionalPortal portal) : IClassFixture<StaffTwoFactorOptionalPortal>
{
    [Fact]
    public async Task With_the_setting_off_a_staff_password_alone_opens_the_staff_pages()
    {
        var email = $"demo-{Guid.NewGuid():N}@association.example.org";
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Demo Staff" }, PortalFixture.Password)).Succeeded);
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Staff);
        });
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);

        var page = await client.GetAsync("/staff/applications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Membership applications", page.One("h1")!.TextContent, StringComparison.Ordinal);
    }
}

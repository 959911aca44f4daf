using System.Globalization;
using System.Net;
using MayorsNetwork.Infrastructure.Audit;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Pages.Committees;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Pages.Votes;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Audit;

/// <summary>
/// The audit trail (issue 15 item 5): staff changes, sign-ins and password changes recorded with who, when, what,
/// before and after and the client address; /staff/audit for Admin only, searched and exported to CSV; entries that
/// nothing can change.
/// </summary>
public abstract class AuditTrailTests(PortalFixture portal)
{
    private const string ClientAddress = "203.0.113.7";

    private string Today => portal.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    private async Task<PortalClient> StaffAsync(string name, string role = Roles.Staff)
    {
        var client = await portal.SignedInStaffAsync(name, role);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        return client;
    }

    private Task<List<AuditEntry>> EntriesAsync(Func<AuditEntry, bool> which) =>
        portal.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking().ToListAsync()).Where(which).OrderBy(e => e.Id).ToList());

    [Fact]
    public async Task Approving_an_application_and_recording_a_payment_are_recorded_with_who_what_before_after_and_the_address()
    {
        var name = $"Sam Approver {Token()}";
        var staff = await StaffAsync(name);

        var approved = await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var city = approved.Form["Input.Name"]!;
        var (governmentId, invoice) = await portal.WithDbAsync(async db => (
            await db.Memberships.Where(m => m.Id == approved.MembershipId).Select(m => m.GovernmentId).SingleAsync(),
            await db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId)));
        // The worker emails the invoice and marks it Sent; staff record the payment after that.
        await InvoiceSeeds.WaitUntilSentAsync(portal, invoice.Id);
        var paid = await staff.SubmitFormAsync($"/staff/invoices/{invoice.Id}", new Dictionary<string, string?>
        {
            ["Input.Amount"] = "500", ["Input.ReceivedOn"] = Today, ["Input.Method"] = "Check", ["Input.Reference"] = "Check 77",
        }, "form[data-testid=pay]");
        Assert.True(paid.Status == HttpStatusCode.Redirect, string.Join(" ", paid.Errors));

        var mine = await EntriesAsync(e => e.ActorName == name);
        var status = Assert.Single(mine, e => e.Kind == "Membership.Status");
        Assert.Equal(ClientAddress, status.RemoteAddress);
        Assert.Equal(governmentId, status.GovernmentId);
        Assert.Equal(approved.MembershipId.ToString(CultureInfo.InvariantCulture), status.EntityKey);
        Assert.Contains("\"Status\":{\"before\":\"Applied\",\"after\":\"Invoiced\"}", status.Changes, StringComparison.Ordinal);
        Assert.StartsWith("staff-", status.ActorEmail, StringComparison.Ordinal);
        Assert.NotNull(status.ActorUserId);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, status.AtUtc, TimeSpan.FromMinutes(1));
        // The invoice approval issued, with the key the database gave it (recorded after its insert, in the same transaction).
        var issued = Assert.Single(mine, e => e.Kind == "Invoice.Added");
        Assert.Equal(invoice.Id.ToString(CultureInfo.InvariantCulture), issued.EntityKey);
        Assert.Equal(governmentId, issued.GovernmentId);
        Assert.Contains($"\"Number\":{{\"after\":\"{invoice.Number}\"}}", issued.Changes, StringComparison.Ordinal);
        var payment = Assert.Single(mine, e => e.Kind == "Invoice.Payment");
        var paymentId = await portal.WithDbAsync(db => db.Payments.Where(p => p.InvoiceId == invoice.Id).Select(p => p.Id).SingleAsync());
        Assert.Equal(paymentId.ToString(CultureInfo.InvariantCulture), payment.EntityKey);
        Assert.Equal(governmentId, payment.GovernmentId);
        Assert.Contains("\"Amount\":{\"after\":500", payment.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Reference\":{\"after\":\"Check 77\"}", payment.Changes, StringComparison.Ordinal);
        // Nothing of the outbox (the invoice email) and no version numbers.
        Assert.DoesNotContain(mine, e => e.EntityType == "OutboxMessage" || e.Changes.Contains("\"Version\"", StringComparison.Ordinal));

        // The Admin sees it on /staff/audit, searched by city.
        var admin = await StaffAsync($"Ada Admin {Token()}", Roles.Admin);
        var page = await admin.GetAsync($"/staff/audit?city={Uri.EscapeDataString(city)}");
        Assert.Equal("Audit trail", page.One("h1")?.TextContent.Trim());
        var rows = page.Document.QuerySelectorAll("[data-testid=entries] tbody tr");
        Assert.Contains(rows, r => r.QuerySelector("[data-testid=kind]")!.TextContent == "Membership.Status"
            && r.QuerySelector("[data-testid=actor-name]")!.TextContent == name
            && r.QuerySelector("[data-testid=address]")!.TextContent == ClientAddress
            && r.QuerySelector("[data-testid=city]")!.TextContent == city
            && r.QuerySelector("[data-testid=changes]")!.TextContent.Contains("\"after\":\"Invoiced\"", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.QuerySelector("[data-testid=kind]")!.TextContent == "Invoice.Payment");
        Assert.All(rows, r => Assert.Equal(city, r.QuerySelector("[data-testid=city]")!.TextContent));
        // Newest first: the payment before the approval.
        var kinds = rows.Select(r => r.QuerySelector("[data-testid=kind]")!.TextContent).ToList();
        Assert.True(kinds.IndexOf("Invoice.Payment") < kinds.IndexOf("Membership.Status"), string.Join(", ", kinds));
    }

    [Fact]
    public async Task A_failed_and_a_good_sign_in_are_recorded_and_so_is_a_sign_in_with_an_unknown_address()
    {
        var name = $"Sid Signin {Token()}";
        var (email, key) = await portal.CreateEnrolledStaffAsync(name);
        var client = portal.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        var unknown = $"nobody-{Token()}@example.org";

        var wrong = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" });
        var nobody = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = unknown, ["Input.Password"] = "whatever it is here" });
        await client.SignInWithCodeAsync(email, PortalFixture.Password, key);

        Assert.Contains("The email address or password is not right.", wrong.Errors);
        Assert.Contains("The email address or password is not right.", nobody.Errors);
        var mine = await EntriesAsync(e => e.ActorEmail == email);
        var failed = Assert.Single(mine, e => e.Kind == "Account.SignInFailed");
        Assert.Equal(name, failed.ActorName);
        Assert.Equal(ClientAddress, failed.RemoteAddress);
        Assert.Equal("{\"method\":\"password\",\"reason\":\"wrong password\"}", failed.Changes);
        var good = Assert.Single(mine, e => e.Kind == "Account.SignIn");
        Assert.Equal("{\"method\":\"password and authenticator code\"}", good.Changes);
        Assert.Equal(ClientAddress, good.RemoteAddress);
        Assert.Equal(failed.ActorUserId, good.ActorUserId);
        Assert.True(good.Id > failed.Id);
        var stranger = Assert.Single(await EntriesAsync(e => e.ActorEmail == unknown));
        Assert.Equal("Account.SignInFailed", stranger.Kind);
        Assert.Null(stranger.ActorUserId);
        Assert.Equal("{\"method\":\"password\",\"reason\":\"no account with that address\"}", stranger.Changes);
    }

    [Fact]
    public async Task A_password_change_is_recorded_in_its_save_without_the_hash()
    {
        var name = $"Pat Password {Token()}";
        var (email, key) = await portal.CreateEnrolledStaffAsync(name);
        var client = portal.Client();
        await client.SignInWithCodeAsync(email, PortalFixture.Password, key);
        var hashBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());

        var changed = await client.SubmitFormAsync("/account/changepassword", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PortalFixture.Password, ["Input.NewPassword"] = "a brand new passphrase 42", ["Input.ConfirmPassword"] = "a brand new passphrase 42",
        });

        Assert.True(changed.Status == HttpStatusCode.Redirect, string.Join(" ", changed.Errors));
        var hashAfter = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());
        var entry = Assert.Single(await EntriesAsync(e => e.ActorEmail == email && e.Kind == "Account.Password"));
        Assert.Equal("{\"PasswordHash\":{\"before\":\"(changed)\",\"after\":\"(changed)\"}}", entry.Changes);
        Assert.DoesNotContain(hashBefore, entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(hashAfter, entry.Changes, StringComparison.Ordinal);
        Assert.Equal(name, entry.ActorName);
    }

    [Fact]
    public async Task Turning_two_step_verification_on_and_off_is_recorded_without_the_key_or_the_codes()
    {
        var email = await TestAccounts.CreateAsync(portal, $"Tia Twostep {Token()}");
        var client = portal.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        await client.SignInAsync(email, PortalFixture.Password);
        await TwoFactorTests.TurnOnAsync(client);
        var key = await portal.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "AuthenticatorKey" && db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Value!).SingleAsync());

        await client.SubmitFormAsync("/account/twofactor", new Dictionary<string, string?> { ["Input.Confirmation"] = PortalFixture.Password });

        var mine = await EntriesAsync(e => e.ActorEmail == email);
        var twoStep = mine.Where(e => e.Kind == "Account.TwoStep").ToList();
        Assert.Equal(2, twoStep.Count);
        Assert.Equal("{\"TwoFactorEnabled\":{\"before\":false,\"after\":true}}", twoStep[0].Changes);
        Assert.Equal("{\"TwoFactorEnabled\":{\"before\":true,\"after\":false}}", twoStep[1].Changes);
        Assert.All(twoStep, e => Assert.Equal(ClientAddress, e.RemoteAddress));
        Assert.Contains(mine, e => e.Kind == "Account.AuthenticatorKey");
        Assert.Contains(mine, e => e.Kind == "Account.RecoveryCodes");
        Assert.DoesNotContain(mine, e => e.Changes.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closing_a_vote_is_recorded_with_the_staff_member_and_before_and_after()
    {
        var mayors = await BallotSeeds.MayorsAsync(portal, 2);
        var vote = await BallotSeeds.OpenPlenaryAsync(portal, mayors.Select(m => m.City).ToList());
        var name = $"Carla Closer {Token()}";
        var staff = await StaffAsync(name);
        var open = await staff.GetAsync($"/staff/votes/{vote.VoteId}");

        var closing = await staff.SubmitAsync(open, new Dictionary<string, string?>(), "[data-testid=close-form]");

        Assert.Equal(HttpStatusCode.Redirect, closing.Status);
        var closed = Assert.Single(await EntriesAsync(e => e.ActorName == name && e.Kind == "Vote.Closed"));
        Assert.Equal(vote.VoteId.ToString(CultureInfo.InvariantCulture), closed.EntityKey);
        Assert.Contains("\"IsOpen\":{\"before\":true,\"after\":false}", closed.Changes, StringComparison.Ordinal);
        Assert.Contains($"\"ClosedBy\":{{\"before\":null,\"after\":\"{name}\"}}", closed.Changes, StringComparison.Ordinal);
        Assert.Equal(ClientAddress, closed.RemoteAddress);
    }

    [Fact]
    public async Task Appointing_a_seat_is_recorded_with_the_city_it_concerns()
    {
        var name = $"Sam Seats {Token()}";
        var staff = await StaffAsync(name);
        var body = await CommitteeSeeds.BodyAsync(portal);
        var city = await CommitteeSeeds.CityAsync(portal, mayor: $"Alex Aardvark {Token()}");

        var appointed = await CommitteeSeeds.AppointAsync(staff, body.Slug, city, "Member");

        Assert.True(appointed.Status == HttpStatusCode.Redirect, string.Join(" ", appointed.Errors));
        var seatId = await portal.WithDbAsync(db => db.Seats.Where(s => s.BodyId == body.Id && s.MembershipId == city.MembershipId).Select(s => s.Id).SingleAsync());
        var entry = Assert.Single(await EntriesAsync(e => e.ActorName == name && e.Kind == "Seat.Appointed"));
        Assert.Equal(seatId.ToString(CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Equal(city.GovernmentId, entry.GovernmentId);
        Assert.Contains("\"Role\":{\"after\":\"Member\"}", entry.Changes, StringComparison.Ordinal);
        Assert.Equal(ClientAddress, entry.RemoteAddress);
    }

    [Fact]
    public async Task Only_Admin_opens_the_audit_trail_staff_and_members_are_told_not_allowed()
    {
        var staff = await StaffAsync("Stu Staff");
        var approved = await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var governmentId = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == approved.MembershipId).Select(m => m.GovernmentId).SingleAsync());
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, governmentId);
        var admin = await StaffAsync("Ada Admin", Roles.Admin);

        var asStaff = await staff.GetAsync("/staff/audit");
        var asMember = await member.GetAsync("/staff/audit");
        var csvAsStaff = await staff.GetAsync("/staff/audit?handler=Csv");
        var asAdmin = await admin.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.Forbidden, asStaff.Status);
        Assert.Equal("Not allowed", asStaff.One("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, asMember.Status);
        Assert.Equal(HttpStatusCode.Forbidden, csvAsStaff.Status);
        Assert.DoesNotContain("Membership.Status", csvAsStaff.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asAdmin.Status);
        Assert.Contains("Membership.Status", asAdmin.Text, StringComparison.Ordinal);
        // Only Admin sees the link in the staff menu.
        Assert.NotNull(asAdmin.One("nav.staff-nav a[href='/staff/audit']"));
        Assert.Null((await staff.GetAsync("/staff/applications")).One("nav.staff-nav a[href='/staff/audit']"));
    }

    [Fact]
    public async Task The_filtered_list_exports_to_CSV_with_formulas_escaped()
    {
        var token = Token();
        var name = $"=HYPERLINK(\"http://x\") Cleo {token}";
        var staff = await StaffAsync(name);
        var approved = await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var admin = await StaffAsync($"Ada Admin {Token()}", Roles.Admin);

        var response = await admin.Http.GetAsync($"/staff/audit?handler=Csv&person={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("audit-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("When (UTC),Person,Email,Address,Kind,Entity,Key,City,Changes", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Membership.Status,Membership," + approved.MembershipId.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)
            && l.Contains(ClientAddress, StringComparison.Ordinal) && l.Contains(approved.Form["Input.Name"]!, StringComparison.Ordinal));
        // Every row is this person's, and none starts a field with the formula.
        Assert.All(lines.Skip(1), l => Assert.Contains(token, l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains(",=HYPERLINK", StringComparison.Ordinal) || l.Contains(",\"=HYPERLINK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_search_filters_by_person_kind_and_date_range_and_refuses_bad_dates_with_a_message()
    {
        var token = Token();
        var name = $"Fia Filter {token}";
        var staff = await StaffAsync(name);
        await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var admin = await StaffAsync($"Ada Admin {Token()}", Roles.Admin);
        var yesterday = portal.Clock.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static List<string> Kinds(PageResult page) => page.Document.QuerySelectorAll("[data-testid=kind]").Select(k => k.TextContent).ToList();

        var byPerson = await admin.GetAsync($"/staff/audit?person={Uri.EscapeDataString(name.ToLowerInvariant())}");
        var accountKinds = await admin.GetAsync($"/staff/audit?person={token}&kind=Account");
        var statusOnly = await admin.GetAsync($"/staff/audit?person={token}&kind=Membership.Status");
        var today = await admin.GetAsync($"/staff/audit?person={token}&from={Today}&to={Today}");
        var before = await admin.GetAsync($"/staff/audit?person={token}&to={yesterday}");
        var backwards = await admin.GetAsync($"/staff/audit?person={token}&from={Today}&to={yesterday}");
        var notADate = await admin.GetAsync($"/staff/audit?person={token}&from=last+tuesday");
        var endOfTime = await admin.GetAsync($"/staff/audit?person={token}&to=9999-12-31");

        Assert.Contains("Membership.Status", Kinds(byPerson));
        Assert.Contains("Invoice.Added", Kinds(byPerson));
        Assert.All(byPerson.Document.QuerySelectorAll("[data-testid=actor-name]"), a => Assert.Equal(name, a.TextContent));
        // The staff account's own sign-in is an Account kind; approving is not.
        Assert.Contains("Account.SignIn", Kinds(accountKinds));
        Assert.All(Kinds(accountKinds), k => Assert.StartsWith("Account.", k, StringComparison.Ordinal));
        Assert.Equal(["Membership.Status"], Kinds(statusOnly));
        Assert.Equal(Kinds(byPerson).Count, Kinds(today).Count);
        Assert.Empty(Kinds(before));
        Assert.Equal("No entries match.", before.One("[data-testid=none]")?.TextContent);
        Assert.Equal("The start date is after the end date.", backwards.One("[data-testid=filter-error]")?.TextContent.Trim());
        Assert.Empty(Kinds(backwards));
        Assert.Equal(HttpStatusCode.OK, notADate.Status);
        Assert.Equal("Enter dates as YYYY-MM-DD.", notADate.One("[data-testid=filter-error]")?.TextContent.Trim());
        Assert.Empty(Kinds(notADate));
        // The last day there is: everything up to it, not a 500.
        Assert.Equal(HttpStatusCode.OK, endOfTime.Status);
        Assert.Equal(Kinds(byPerson).Count, Kinds(endOfTime).Count);
    }

    [Fact]
    public async Task No_handler_can_change_or_delete_an_entry_and_neither_can_SQL()
    {
        var staff = await StaffAsync($"Ivy Immutable {Token()}");
        await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var id = await portal.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        var original = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id));

        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => portal.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            db.Entry(entry).Property(e => e.Kind).CurrentValue = "Nothing.Happened";
            return await db.SaveChangesAsync();
        }));
        var deleted = await Assert.ThrowsAsync<InvalidOperationException>(() => portal.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            return await db.SaveChangesAsync();
        }));
        // Past EF altogether, the database's trigger refuses.
        var sqlUpdate = await Record.ExceptionAsync(() => portal.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Kind\" = 'Nothing.Happened' WHERE \"Id\" = {0}", id)));
        var sqlDelete = await Record.ExceptionAsync(() => portal.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", id)));

        Assert.Contains("insert-only", changed.Message, StringComparison.Ordinal);
        Assert.Contains("insert-only", deleted.Message, StringComparison.Ordinal);
        Assert.Contains("insert-only", sqlUpdate?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("insert-only", sqlDelete?.Message ?? "", StringComparison.Ordinal);
        var after = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(original.Kind, after.Kind);
        Assert.Equal(original.Changes, after.Changes);
        // The entity offers no way to change an entry: every property's setter is private.
        Assert.All(typeof(AuditEntry).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, $"{p.Name} has a public setter"));
    }

    [Fact]
    public async Task Ballots_and_the_outbox_are_not_recorded_and_a_members_own_change_is_not_a_staff_action()
    {
        var staff = await StaffAsync($"Nia Noise {Token()}");
        var approved = await Workflow.ApplyAndApproveAsync(portal, staff: staff);
        var governmentId = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == approved.MembershipId).Select(m => m.GovernmentId).SingleAsync());
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.MembershipId == approved.MembershipId));
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, governmentId, "Morgan Member");
        var count = await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.GovernmentId == governmentId));

        // The city gives its own PO number (issue 14): a member's change, not a staff action.
        var po = await member.SubmitFormAsync($"/account/invoices/{invoice.Number}/references", new Dictionary<string, string?> { ["Input.PurchaseOrderNumber"] = "PO-1234", ["Input.EmailAgain"] = "false" });

        Assert.True(po.Status == HttpStatusCode.Redirect, string.Join(" ", po.Errors));
        Assert.Equal("PO-1234", await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.PurchaseOrderNumber).SingleAsync()));
        Assert.Equal(count, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.GovernmentId == governmentId)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "OutboxMessage" || e.EntityType == "Ballot" || e.EntityType == "Elector")));
    }
}

public sealed class AuditTrailTests_Sqlite(AuditSqlitePortal portal) : AuditTrailTests(portal), IClassFixture<AuditSqlitePortal>;

public sealed class AuditTrailTests_Postgres(AuditPostgresPortal portal) : AuditTrailTests(portal), IClassFixture<AuditPostgresPortal>;

public sealed class AuditTrailTests_SqlServer(AuditSqlServerPortal portal) : AuditTrailTests(portal), IClassFixture<AuditSqlServerPortal>;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// Two real portal processes on two loopback ports and one PostgreSQL database (which holds the key ring; no keys
/// folder is shared), as two replicas behind a load balancer: what one instance signs (cookies, antiforgery tokens, email links) the
/// other accepts, and their two outbox workers send every email once between them, even when one dies.
/// The instances, database and SMTP server are shared by the tests (each makes its own data and reads only it).
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances, ITestOutputHelper output) : IClassFixture<TwoInstances>, IAsyncLifetime
{
    private const int Jobs = 1_000;

    private SharedDatabase Database => instances.Database;

    private SmtpSink Mail => instances.Mail;

    private PortalProcess A => instances.A;

    private PortalProcess B => instances.B;

    public Task InitializeAsync() => instances.EnsureRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_mayor_signed_in_on_one_instance_submits_a_form_from_it_to_the_other()
    {
        var (a, b, mail) = (A, B, Mail);
        var adminEmail = $"admin-{Guid.NewGuid():N}@association.example.org";
        var (adminExit, adminOutput) = await PortalProcess.RunCommandAsync(instances.Settings, "create-admin", "--email", adminEmail, "--name", "Sam Staff");
        Assert.True(adminExit == 0, adminOutput);
        var adminPassword = adminOutput[(adminOutput.LastIndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();

        // The city applies on A; the confirmation link A emailed (a token A signed) works on B.
        using var mayor = new Browser();
        var form = Applications.Valid();
        var applied = await mayor.SubmitAsync(a, await mayor.GetAsync(a, "/join"), form);
        Assert.True(applied.Status == HttpStatusCode.Redirect, $"/join on A: {applied.Status} {string.Join(" ", applied.Errors)}");
        var confirmation = await mail.WaitForAsync(form["Input.ApplicantEmail"]!, "membership application", TimeSpan.FromSeconds(60));
        var confirmed = await mayor.GetAsync(b, new Uri(confirmation.Link("/account/confirmemail")).PathAndQuery);
        Assert.Equal("Email address confirmed", confirmed.One("h1")?.TextContent.Trim());

        // Staff sign in on B and approve on A with B's page: the city becomes a member and the applicant its mayor's account.
        using var staff = new Browser();
        await staff.SignInAsync(b, adminEmail, adminPassword);
        // An admin must turn on two-step verification before the staff pages open (Security:RequireStaffTwoFactor).
        await staff.EnrolInTwoFactorAsync(b);
        var membershipId = await WithDbAsync(db => db.Memberships.Where(m => m.Government.Name == form["Input.Name"]).Select(m => m.Id).SingleAsync());
        var application = await staff.GetAsync(b, $"/staff/applications/{membershipId}");
        var approved = await staff.SubmitAsync(a, application, new Dictionary<string, string?>(), "form:has([data-testid=approve])");
        Assert.True(approved.Status == HttpStatusCode.Redirect, $"approving on A: {approved.Status} {string.Join(" ", approved.Errors)}");
        Assert.Equal(MembershipStatus.Invoiced, await WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync()));

        // The mayor signs in on A, sets up a key and opens the two-step verification form there...
        await mayor.SignInAsync(a, form["Input.ApplicantEmail"]!, PortalFixture.Password);
        await mayor.SubmitAsync(a, await mayor.GetAsync(a, "/account/twofactor"), new Dictionary<string, string?>());
        var twoFactor = await mayor.GetAsync(a, "/account/twofactor");
        Assert.Equal(HttpStatusCode.OK, twoFactor.Status);
        var key = twoFactor.One("[data-testid=shared-key]")!.TextContent;

        // ...and submits it to B, with A's cookies and A's antiforgery token.
        var on = await mayor.SubmitAsync(b, twoFactor, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });

        Assert.Equal(HttpStatusCode.OK, on.Status);
        Assert.Contains("Two-step verification is on.", on.One("[data-testid=two-factor-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, on.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.True(await WithDbAsync(db => db.Users.Where(u => u.Email == form["Input.ApplicantEmail"]).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Back on A, with the sign-in cookie B refreshed: the member's account page shows the city and the change.
        var account = await mayor.GetAsync(a, "/account");
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains($"{form["Input.Name"]}, CO", account.Text, StringComparison.Ordinal);
        Assert.Contains("Two-step verification is on", account.Text, StringComparison.Ordinal);
        // One key, made by `migrate` in the database, did all of it: neither instance made one of its own, and no folder
        // holds one (each instance has its own, unshared).
        Assert.Equal(1, await WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Empty(Database.KeyFilesInFolders());
    }

    [Fact]
    public async Task Both_workers_drain_1000_jobs_and_each_email_arrives_exactly_once()
    {
        var (a, b, mail) = (A, B, Mail);

        var ids = await EnqueueAsync("Drained");
        var watch = Stopwatch.StartNew();
        var claimants = await WaitUntilSentAsync(ids, TimeSpan.FromSeconds(90));
        output.WriteLine($"{Jobs} jobs drained in {watch.Elapsed.TotalSeconds:0.0} s");

        var ours = mail.Messages().Where(m => m.Subject.StartsWith("Drained ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Jobs, ours.Count);
        Assert.Equal(Jobs, ours.Select(m => m.MessageId).Distinct().Count());
        Assert.True(ours.Select(m => m.MessageId).ToHashSet().SetEquals(ids.Values));
        // The outbox does not record who sent a message, but a claim shows who holds it while sending: both did.
        Assert.True(claimants.Contains(a.ProcessId) && claimants.Contains(b.ProcessId),
            $"Both instances should have claimed messages; seen: {string.Join(", ", claimants)} (A is {a.ProcessId}, B is {b.ProcessId}).");
    }

    [Fact]
    public async Task When_one_instance_is_killed_mid_drain_the_other_finishes_the_work()
    {
        // The instances hold claims for TwoInstances.LockSeconds, so A takes over B's within seconds, not minutes.
        var (a, b, mail) = (A, B, Mail);

        var ids = await EnqueueAsync("Survived");
        var watch = Stopwatch.StartNew();
        var keys = ids.Keys.ToList();
        var holder = $":{b.ProcessId}:";
        // Mid-drain, at a moment B holds claims: some sent, B in the middle of a batch.
        await WaitUntilAsync(
            () => WithDbAsync(async db => (
                Sent: await db.OutboxMessages.CountAsync(m => keys.Contains(m.Id) && m.Status == OutboxStatus.Sent),
                HeldByB: await db.OutboxMessages.CountAsync(m => keys.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LockedBy!.Contains(holder)))),
            state => state.Sent >= 150 && state.HeldByB > 0,
            TimeSpan.FromSeconds(60));
        b.Kill();
        // What B held when it died: claimed, perhaps handed to the SMTP server, not recorded as sent.
        var heldByB = await WithDbAsync(db => db.OutboxMessages
            .Where(m => keys.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LockedBy!.Contains(holder))
            .Select(m => m.MessageId).ToListAsync());
        var sentAtKill = await WithDbAsync(db => db.OutboxMessages.CountAsync(m => keys.Contains(m.Id) && m.Status == OutboxStatus.Sent));
        Assert.True(sentAtKill < Jobs, "The drain had finished before B was killed; nothing was left for A to take over.");
        output.WriteLine($"B killed after {watch.Elapsed.TotalSeconds:0.0} s with {sentAtKill} sent and {heldByB.Count} held by B");

        await WaitUntilSentAsync(ids, TimeSpan.FromSeconds(90));
        output.WriteLine($"All sent after {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.False(a.HasExited, a.Output);
        var received = mail.Messages().Where(m => m.Subject.StartsWith("Survived ", StringComparison.Ordinal)).GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(received.Keys.ToHashSet().SetEquals(ids.Values), $"{received.Count} distinct messages of {Jobs} arrived.");
        Assert.All(received.Values, copies => Assert.InRange(copies, 1, 2));
        // A second copy is possible only of a message B had handed to the SMTP server but not yet recorded as
        // sent when it died: A sends it again, with the same Message-ID, once B's lock expires. Every other
        // message arrives exactly once.
        var twice = received.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        Assert.All(twice, id => Assert.Contains(id, heldByB));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_address_given_by_the_proxy_and_counted_by_each_instance()
    {
        // Both clients come through the same proxy connection (127.0.0.1); only X-Forwarded-For tells them apart.
        using var first = new Browser("198.51.100.1");
        using var second = new Browser("198.51.100.2");
        var wrong = new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@city.example.gov", ["Input.Password"] = "not the password at all" };
        var page = await first.GetAsync(A, "/account/login");
        for (var i = 1; i <= 10; i++)
        {
            var attempt = await first.SubmitAsync(A, page, wrong);
            Assert.True(attempt.Status == HttpStatusCode.OK, $"Attempt {i} on A got {(int)attempt.Status}");
        }

        var refused = await first.SubmitAsync(A, page, wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("Too many attempts", refused.One("h1")!.TextContent.Trim());

        // Another client behind the same proxy has its own count...
        var other = await second.SubmitAsync(A, await second.GetAsync(A, "/account/login"), wrong);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Contains("The email address or password is not right.", other.Errors);
        // ...and so does the same client on the other instance: limits are per instance.
        var onB = await first.SubmitAsync(B, await first.GetAsync(B, "/account/login"), wrong);
        Assert.Equal(HttpStatusCode.OK, onB.Status);
        Assert.Contains("The email address or password is not right.", onB.Errors);
    }

    /// <summary>Queues the jobs through the Outbox, as the portal's pages do, in one transaction. Returns row id → Message-ID.</summary>
    private async Task<Dictionary<long, string>> EnqueueAsync(string subject)
    {
        await using var db = Database.Open();
        var outbox = new Outbox(db, TimeProvider.System, Options.Create(new EmailOptions()));
        var messages = Enumerable.Range(1, Jobs)
            .Select(i => outbox.Enqueue($"{subject} {i}", [$"city-{i}@city.example.gov"], [], $"{subject} {i} of {Jobs}", $"Text {i}", $"<p>HTML {i}</p>"))
            .ToList();
        await db.SaveChangesAsync();
        return messages.ToDictionary(m => m.Id, m => m.MessageId);
    }

    /// <summary>Waits until every job is Sent; returns the process ids seen holding claims meanwhile.</summary>
    private async Task<HashSet<int>> WaitUntilSentAsync(Dictionary<long, string> ids, TimeSpan timeout)
    {
        var keys = ids.Keys.ToList();
        var claimants = new HashSet<int>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Database.Open();
            var state = await db.OutboxMessages.Where(m => keys.Contains(m.Id))
                .GroupBy(m => new { m.Status, m.LockedBy })
                .Select(g => new { g.Key.Status, g.Key.LockedBy, Count = g.Count() })
                .ToListAsync();
            // LockedBy is "machine:process id:worker".
            foreach (var holder in state.Where(s => s.LockedBy is not null)) claimants.Add(int.Parse(holder.LockedBy!.Split(':')[1], CultureInfo.InvariantCulture));
            if (state.Where(s => s.Status == OutboxStatus.Sent).Sum(s => s.Count) == Jobs) return claimants;
            Assert.DoesNotContain(state, s => s.Status == OutboxStatus.Failed);
            Assert.True(watch.Elapsed < timeout, $"Not drained within {timeout.TotalSeconds:0} s: {string.Join(", ", state.GroupBy(s => s.Status).Select(g => $"{g.Key} {g.Sum(s => s.Count)}"))}");
            await Task.Delay(20);
        }
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Still {value} after {timeout.TotalSeconds:0} s.");
            await Task.Delay(20);
        }
    }

    private async Task<T> WithDbAsync<T>(Func<MayorsNetwork.Infrastructure.Data.PortalDbContext, Task<T>> work)
    {
        await using var db = Database.Open();
        return await work(db);
    }
}

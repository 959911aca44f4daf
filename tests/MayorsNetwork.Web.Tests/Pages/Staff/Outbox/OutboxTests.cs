using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Jobs;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Outbox;

/// <summary>
/// /staff/outbox: staff see the email queue by status with counts and errors, and put failed messages back
/// in the queue; no one else sees it. The portal sends through a server whose replies the tests choose.
/// </summary>
public abstract class OutboxTests(IReplyingSmtpPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly ReplyingSmtpServer _server = fixture.Server;

    [Fact]
    public async Task Staff_see_counts_by_status_and_failed_messages_first_with_their_error_shown_as_text()
    {
        await _server.AcceptAllAsync();
        var now = _portal.Clock.GetUtcNow().UtcDateTime;
        var failed = await OutboxMessages.QueueAsync(_portal, topic: "Invoice 2026-000042: <b>Boulder</b>, CO", cc: $"mayor-{Guid.NewGuid():N}@city.example.gov",
            arrange: m => Failed(m, "SMTP 550: Mailbox unavailable. The server response was: <script>alert('x')</script>"));
        var waiting = await OutboxMessages.QueueAsync(_portal, arrange: m => m.NextAttemptAtUtc = now.AddDays(1));
        var delivered = await OutboxMessages.QueueAsync(_portal);
        await OutboxMessages.WaitUntilAsync(_portal, delivered.Id, m => m.Status == OutboxStatus.Sent);
        var staff = await _portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/staff/outbox");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var counts = await _portal.WithDbAsync(db => db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        foreach (var s in Enum.GetValues<OutboxStatus>())
            Assert.Equal(counts.GetValueOrDefault(s).ToString("N0"), page.One($"[data-testid=count-{s.ToString().ToLowerInvariant()}]")!.TextContent);
        // With failed messages, the page opens on them.
        Assert.Equal("Failed", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#status")!.Value);
        Assert.All(Rows(page), r => Assert.Equal("Failed", r.QuerySelector("[data-testid=status]")!.TextContent));
        var row = page.One($"[data-testid=message-{failed.Id}]")!;
        Assert.Contains("Invoice 2026-000042: <b>Boulder</b>, CO", row.QuerySelector("[data-testid=topic]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(failed.To, row.QuerySelector("[data-testid=recipients]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cc " + failed.Cc, row.QuerySelector("[data-testid=recipients]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", row.QuerySelector("[data-testid=attempts]")!.TextContent);
        Assert.Equal("SMTP 550: Mailbox unavailable. The server response was: <script>alert('x')</script>", row.QuerySelector("[data-testid=last-error]")!.TextContent);
        Assert.NotNull(row.QuerySelector("[data-testid=retry]"));
        // Escaped: the markup in the topic and the error is text, not elements.
        Assert.Empty(page.Document.QuerySelectorAll("main script, main b"));
        Assert.Contains("&lt;script&gt;alert(", page.Html, StringComparison.Ordinal);

        var all = await staff.GetAsync("/staff/outbox?status=all");
        var allRows = Rows(all);
        Assert.Equal(Math.Min(25, counts.Values.Sum()), allRows.Count);
        var statuses = allRows.Select(r => r.QuerySelector("[data-testid=status]")!.TextContent).ToList();
        Assert.Equal(statuses.OrderBy(s => s == "Failed" ? 0 : 1), statuses);

        var pending = (await staff.GetAsync("/staff/outbox?status=Pending")).One($"[data-testid=message-{waiting.Id}]")!;
        Assert.Equal(waiting.NextAttemptAtUtc.ToString("yyyy-MM-dd HH:mm:ss") + " UTC", pending.QuerySelector("[data-testid=next-attempt]")!.TextContent);
        Assert.Null(pending.QuerySelector("[data-testid=retry]"));

        var sent = (await staff.GetAsync("/staff/outbox?status=Sent")).One($"[data-testid=message-{delivered.Id}]")!;
        var sentAt = (await OutboxMessages.ReadAsync(_portal, delivered.Id)).SentAtUtc!.Value;
        Assert.Equal(sentAt.ToString("yyyy-MM-dd HH:mm:ss") + " UTC", sent.QuerySelector("[data-testid=sent-at]")!.TextContent);
        Assert.Equal("1", sent.QuerySelector("[data-testid=attempts]")!.TextContent);
    }

    [Fact]
    public async Task The_list_is_paged_25_at_a_time()
    {
        for (var i = 0; i < 30; i++) await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "Gave up after 4 attempts: SMTP 451"));
        var total = await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed));
        var staff = await _portal.SignedInStaffAsync();

        var first = await staff.GetAsync("/staff/outbox?status=Failed");
        var second = await staff.GetAsync(first.One("[data-testid=next]")!.GetAttribute("href")!);

        Assert.Equal(25, Rows(first).Count);
        Assert.Contains($"Page 1 of {(total + 24) / 25}", first.Text, StringComparison.Ordinal);
        Assert.Equal($"{total:N0} failed", first.One("[data-testid=result-count]")!.TextContent);
        Assert.Equal(Math.Min(25, total - 25), Rows(second).Count);
        Assert.Contains("Page 2 of", second.Text, StringComparison.Ordinal);
        Assert.Empty(Rows(first).Select(r => r.GetAttribute("data-testid")).Intersect(Rows(second).Select(r => r.GetAttribute("data-testid"))));
    }

    [Fact]
    public async Task A_message_refused_with_550_shows_with_its_error_and_staff_retry_sends_it_once_the_server_accepts()
    {
        await _server.StartAsync("550 5.1.1 Mailbox unavailable");
        var queued = await OutboxMessages.QueueAsync(_portal, topic: $"Application approved: Refusedville {Guid.NewGuid():N}, CO");
        var failed = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status == OutboxStatus.Failed);
        Assert.Equal(1, failed.Attempts);
        var staff = await _portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/staff/outbox");
        var row = page.One($"[data-testid=message-{queued.Id}]")!;
        Assert.Contains(queued.Topic, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("550", row.QuerySelector("[data-testid=last-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mailbox unavailable", row.QuerySelector("[data-testid=last-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelector("[data-testid=attempts]")!.TextContent);

        await _server.AcceptAllAsync();
        var retried = await staff.SubmitAsync(page, new Dictionary<string, string?>(), $"[data-testid=message-{queued.Id}] form");

        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
        var after = await staff.GetAsync(retried.Location!);
        Assert.Contains("The message is queued again", after.Text, StringComparison.Ordinal);
        var mail = await _server.WaitForAsync(m => m.MessageId == queued.MessageId);
        Assert.Equal(queued.Subject, mail.Subject);
        var sent = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Single(_server.Copies(queued.MessageId));
        Assert.Single(_server.Refusals(), r => r.MessageId == queued.MessageId);
    }

    [Fact]
    public async Task Pressing_retry_twice_on_the_same_message_queues_it_once()
    {
        await _server.AcceptAllAsync();
        var queued = await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "SMTP 550: Mailbox unavailable"));
        var staff = await _portal.SignedInStaffAsync();
        var page = await staff.GetAsync("/staff/outbox?status=Failed");

        var first = await staff.SubmitAsync(page, new Dictionary<string, string?>(), $"[data-testid=message-{queued.Id}] form");
        var second = await staff.SubmitAsync(page, new Dictionary<string, string?>(), $"[data-testid=message-{queued.Id}] form");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Contains("no longer failed", (await staff.GetAsync(second.Location!)).Text, StringComparison.Ordinal);
        await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status == OutboxStatus.Sent);
        Assert.Single(_server.Copies(queued.MessageId));
    }

    [Fact]
    public async Task Retry_all_failed_queues_every_failed_message_and_the_worker_sends_each_once()
    {
        await _server.AcceptAllAsync();
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < 3; i++) messages.Add(await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "Gave up after 4 attempts: SMTP 451")));
        var failedBefore = await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed));
        var staff = await _portal.SignedInStaffAsync();
        var page = await staff.GetAsync("/staff/outbox");
        Assert.Equal($"Retry all failed ({failedBefore:N0})", page.One("[data-testid=retry-all]")!.TextContent);

        var posted = await staff.SubmitAsync(page, new Dictionary<string, string?>(), "[data-testid=retry-all-form]");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains($"{failedBefore:N0} failed messages are queued again", (await staff.GetAsync(posted.Location!)).Text, StringComparison.Ordinal);
        foreach (var m in messages)
        {
            var sent = await OutboxMessages.WaitUntilAsync(_portal, m.Id, x => x.Status == OutboxStatus.Sent);
            Assert.Equal(1, sent.Attempts);
            Assert.Single(_server.Copies(m.MessageId));
        }

        Assert.Equal(0, await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed)));
    }

    [Fact]
    public async Task Retry_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var queued = await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "SMTP 550: Mailbox unavailable"));
        var staff = await _portal.SignedInStaffAsync();

        var posted = await staff.PostAsync($"/staff/outbox?handler=Retry&id={queued.Id}", []);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        var after = await OutboxMessages.ReadAsync(_portal, queued.Id);
        Assert.Equal(OutboxStatus.Failed, after.Status);
        Assert.Equal(4, after.Attempts);
    }

    [Fact]
    public async Task Applicants_are_refused_the_outbox_and_its_retry()
    {
        var queued = await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "SMTP 550: Mailbox unavailable"));
        var email = await TestAccounts.CreateAsync(_portal, "Casey Clerk");
        var applicant = _portal.Client();
        await applicant.SignInAsync(email, PortalFixture.Password);

        var page = await applicant.GetAsync("/staff/outbox");
        // A POST carrying the applicant's own valid antiforgery token (from a page they may open).
        var account = await applicant.GetAsync("/account");
        var token = account.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var retry = await applicant.PostAsync($"/staff/outbox?handler=Retry&id={queued.Id}", [new("__RequestVerificationToken", token)]);
        var retryAll = await applicant.PostAsync("/staff/outbox?handler=RetryAll", [new("__RequestVerificationToken", token)]);

        // Refused in place with 403 "Not allowed", and nothing of the outbox shown or changed.
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Not allowed", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(queued.Topic, page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, retry.Status);
        Assert.Equal(HttpStatusCode.Forbidden, retryAll.Status);
        Assert.Equal(OutboxStatus.Failed, (await OutboxMessages.ReadAsync(_portal, queued.Id)).Status);
        Assert.Null(account.Document.QuerySelector("a[href='/staff/outbox']"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var queued = await OutboxMessages.QueueAsync(_portal, arrange: m => Failed(m, "SMTP 550: Mailbox unavailable"));
        var anonymous = _portal.Client();

        var page = await anonymous.GetAsync("/staff/outbox");
        var retry = await anonymous.PostAsync($"/staff/outbox?handler=Retry&id={queued.Id}", []);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login?ReturnUrl=%2Fstaff%2Foutbox", page.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(queued.Topic, page.Html, StringComparison.Ordinal);
        Assert.Contains("/account/login", retry.Location, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Failed, (await OutboxMessages.ReadAsync(_portal, queued.Id)).Status);
    }

    [Fact]
    public async Task The_staff_navigation_links_to_the_outbox()
    {
        var staff = await _portal.SignedInStaffAsync();

        var home = await staff.GetAsync("/staff/applications");

        var link = home.Document.QuerySelectorAll("nav[aria-label=Staff] a").Single(a => a.TextContent.Trim() == "Outbox");
        Assert.Equal("/staff/outbox", link.GetAttribute("href"));
    }

    private static List<IElement> Rows(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=messages] tbody tr").ToList();

    /// <summary>As the worker leaves a message it has given up on.</summary>
    private static void Failed(OutboxMessage m, string error)
    {
        m.Status = OutboxStatus.Failed;
        m.Attempts = 4;
        m.LastError = error;
    }
}

public sealed class OutboxTests_Sqlite(ReplyingSmtpSqlitePortal portal) : OutboxTests(portal), IClassFixture<ReplyingSmtpSqlitePortal>;

public sealed class OutboxTests_Postgres(ReplyingSmtpPostgresPortal portal) : OutboxTests(portal), IClassFixture<ReplyingSmtpPostgresPortal>;

public sealed class OutboxTests_SqlServer(ReplyingSmtpSqlServerPortal portal) : OutboxTests(portal), IClassFixture<ReplyingSmtpSqlServerPortal>;

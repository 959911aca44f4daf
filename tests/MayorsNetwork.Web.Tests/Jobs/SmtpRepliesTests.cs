using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// What the worker does with each kind of reply from a real SMTP server: 4xx are retried with backoff
/// until the server accepts, 5xx fail at once, endless 4xx give up after MaxAttempts, and a message
/// refused for only some recipients counts as sent (it went out to the others).
/// </summary>
public abstract class SmtpRepliesTests(IReplyingSmtpPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly ReplyingSmtpServer _server = fixture.Server;

    [Fact]
    public async Task A_451_reply_after_the_message_is_retried_and_the_message_is_delivered_once_when_the_server_accepts()
    {
        await _server.StartAsync("451 4.3.0 Try again later", times: 2);

        var queued = await OutboxMessages.QueueAsync(_portal, cc: $"mayor-{Guid.NewGuid():N}@city.example.gov");

        var sent = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(2, _server.Refusals().Count(r => r.MessageId == queued.MessageId));
        var mail = Assert.Single(_server.Copies(queued.MessageId));
        Assert.Equal(queued.Subject, mail.Subject);
        Assert.Contains(queued.To, mail.To);
    }

    [Fact]
    public async Task A_4xx_refusal_of_every_recipient_is_retried_and_the_message_is_delivered_once_when_the_server_accepts()
    {
        // 450 to each recipient: both refusals are reported, and the message is tried again.
        await _server.StartAsync("450 4.2.1 Mailbox busy, try again later", times: 2, at: RefuseAt.Rcpt);
        var to = $"finance-{Guid.NewGuid():N}@city.example.gov";

        var queued = await OutboxMessages.QueueAsync(_portal, to: to, cc: $"mayor-{Guid.NewGuid():N}@city.example.gov");

        var sent = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(2, _server.Refusals().Count(r => r.Recipients == to));
        Assert.Single(_server.Copies(queued.MessageId));
    }

    [Fact]
    public async Task A_421_reply_closing_the_connection_is_retried_on_a_new_connection_and_the_message_is_delivered_once()
    {
        await _server.StartAsync("421 4.7.0 Try again later, closing connection", times: 2);

        var queued = await OutboxMessages.QueueAsync(_portal);

        var sent = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(2, _server.Refusals().Count(r => r.MessageId == queued.MessageId));
        Assert.Single(_server.Copies(queued.MessageId));
    }

    [Fact]
    public async Task A_550_reply_after_the_message_fails_it_at_once_and_it_is_not_retried()
    {
        await _server.StartAsync("550 5.1.1 Mailbox unavailable");

        var queued = await OutboxMessages.QueueAsync(_portal);

        var failed = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("Mailbox unavailable", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.SentAtUtc);

        // A worker's next batch does not pick it up: failed messages wait for staff.
        await OutboxMessages.ProcessBatchAsync(_portal);
        var later = await OutboxMessages.ReadAsync(_portal, queued.Id);
        Assert.Equal(OutboxStatus.Failed, later.Status);
        Assert.Equal(1, later.Attempts);
        Assert.Single(_server.Refusals(), r => r.MessageId == queued.MessageId);
        Assert.Empty(_server.Copies(queued.MessageId));
    }

    [Fact]
    public async Task A_550_refusal_of_every_recipient_fails_the_message_at_once()
    {
        // Two recipients refused: MailKit gives up the message ("no recipients were accepted"); each refusal is reported.
        await _server.StartAsync("550 5.1.1 Mailbox unavailable", at: RefuseAt.Rcpt);
        var to = $"finance-{Guid.NewGuid():N}@city.example.gov";
        var cc = $"mayor-{Guid.NewGuid():N}@city.example.gov";

        var queued = await OutboxMessages.QueueAsync(_portal, to: to, cc: cc);

        var failed = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(to, failed.LastError, StringComparison.Ordinal);
        Assert.Contains(cc, failed.LastError, StringComparison.Ordinal);
        Assert.Single(_server.Refusals(), r => r.Recipients == to);
        Assert.Empty(_server.Copies(queued.MessageId));
    }

    [Fact]
    public async Task A_message_refused_only_for_the_mayor_in_copy_is_sent_once_to_the_billing_contact_and_the_refusal_is_recorded()
    {
        var cc = $"mayor-{Guid.NewGuid():N}@city.example.gov";
        await _server.StartAsync("552 5.2.2 Mailbox full", at: RefuseAt.Rcpt, matching: cc);
        var to = $"finance-{Guid.NewGuid():N}@city.example.gov";

        var queued = await OutboxMessages.QueueAsync(_portal, to: to, cc: cc);

        var sent = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Contains(cc, sent.LastError, StringComparison.Ordinal);
        Assert.Contains("552", sent.LastError, StringComparison.Ordinal);
        var mail = Assert.Single(_server.Copies(queued.MessageId));
        Assert.Equal(to, mail.Header("X-RcptTo"));

        // Not sent again by a later batch.
        await OutboxMessages.ProcessBatchAsync(_portal);
        Assert.Single(_server.Copies(queued.MessageId));
        Assert.Single(_server.Refusals(), r => r.Recipients == cc);
    }

    [Fact]
    public async Task A_message_refused_with_4xx_on_every_attempt_fails_after_the_last_attempt()
    {
        await _server.StartAsync("421 4.7.0 Try again later, closing connection");

        var queued = await OutboxMessages.QueueAsync(_portal);

        var failed = await OutboxMessages.WaitUntilAsync(_portal, queued.Id, m => m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(IReplyingSmtpPortal.MaxAttempts, failed.Attempts);
        Assert.StartsWith($"Gave up after {IReplyingSmtpPortal.MaxAttempts} attempts", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("421", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(IReplyingSmtpPortal.MaxAttempts, _server.Refusals().Count(r => r.MessageId == queued.MessageId));
        Assert.Empty(_server.Copies(queued.MessageId));
    }
}

public sealed class SmtpRepliesTests_Sqlite(ReplyingSmtpSqlitePortal portal) : SmtpRepliesTests(portal), IClassFixture<ReplyingSmtpSqlitePortal>;

public sealed class SmtpRepliesTests_Postgres(ReplyingSmtpPostgresPortal portal) : SmtpRepliesTests(portal), IClassFixture<ReplyingSmtpPostgresPortal>;

public sealed class SmtpRepliesTests_SqlServer(ReplyingSmtpSqlServerPortal portal) : SmtpRepliesTests(portal), IClassFixture<ReplyingSmtpSqlServerPortal>;

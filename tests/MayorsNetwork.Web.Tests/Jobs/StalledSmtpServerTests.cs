using System.Globalization;
using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Email;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Issue 11, defect 6: a mail server that accepts the connection and never answers used to hang the outbox's
/// batch (System.Net.Mail's Timeout did not apply to SendMailAsync) until another worker re-claimed it and sent
/// it again. Now every step has a deadline: the send gives up within Email:Smtp:TimeoutSeconds as a temporary
/// failure, the batch ends, and once the server recovers each message is delivered exactly once.
/// </summary>
public abstract class StalledSmtpServerTests(IStalledSmtpPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly SmtpSink _server = fixture.Server;

    [Fact]
    public async Task A_send_to_a_server_that_never_answers_gives_up_within_the_timeout_as_a_temporary_failure()
    {
        var port = SmtpSink.FreePort();
        await using var stalled = new StalledSmtpListener(port);
        var sender = SmtpSenders.For(port, SmtpSecurity.None, timeoutSeconds: IStalledSmtpPortal.TimeoutSeconds);

        // The generous outer bound only keeps a regression from hanging the test run.
        var failure = await Assert.ThrowsAsync<TransientEmailFailureException>(() =>
            sender.SendAsync(SmtpSenders.Message(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120)));

        Assert.Contains($"did not answer within {IStalledSmtpPortal.TimeoutSeconds} s (connect)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, stalled.Accepted);
    }

    [Fact]
    public async Task The_outbox_gives_up_on_a_stalled_server_and_delivers_each_message_exactly_once_when_it_recovers()
    {
        List<OutboxMessage> queued = [];
        await using (var stalled = new StalledSmtpListener(_server.Port))
        {
            for (var i = 0; i < 3; i++) queued.Add(await OutboxMessages.QueueAsync(_portal));

            // Each message was tried, timed out, and is back in the queue: the batch ended instead of hanging.
            foreach (var message in queued)
            {
                var waiting = await OutboxMessages.WaitUntilAsync(_portal, message.Id, m => m is { Attempts: >= 1, Status: OutboxStatus.Pending }, TimeSpan.FromSeconds(90));
                Assert.Contains($"did not answer within {IStalledSmtpPortal.TimeoutSeconds} s", waiting.LastError, StringComparison.Ordinal);
                Assert.Null(waiting.SentAtUtc);
            }

            Assert.True(stalled.Accepted >= 1, "The portal never connected to the stalled server.");
        }

        await _server.StartAsync();

        foreach (var message in queued)
        {
            var sent = await OutboxMessages.WaitUntilAsync(_portal, message.Id, m => m.Status == OutboxStatus.Sent, TimeSpan.FromSeconds(60));
            Assert.NotNull(sent.SentAtUtc);
        }

        // One more batch finds nothing to send again; each Message-ID arrived once.
        await OutboxMessages.ProcessBatchAsync(_portal);
        foreach (var message in queued)
            Assert.Single(_server.Messages(), m => m.MessageId == message.MessageId);
    }
}

/// <summary>A portal whose SMTP server is, at first, nobody: tests put a stalled listener and then a real server on its port.</summary>
public interface IStalledSmtpPortal
{
    const int TimeoutSeconds = 2;

    SmtpSink Server { get; }

    PortalFixture Portal { get; }

    internal static IEnumerable<KeyValuePair<string, string?>> SettingsFor(SmtpSink server) =>
    [
        new("Email:Smtp:Port", server.Port.ToString(CultureInfo.InvariantCulture)),
        new("Email:Smtp:TimeoutSeconds", TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        new("Outbox:SendConcurrency", "2"),
    ];
}

public sealed class StalledSmtpSqlitePortal : SqlitePortal, IStalledSmtpPortal, IAsyncLifetime
{
    public SmtpSink Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IStalledSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class StalledSmtpPostgresPortal : PostgresPortal, IStalledSmtpPortal, IAsyncLifetime
{
    public SmtpSink Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IStalledSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class StalledSmtpSqlServerPortal : SqlServerPortal, IStalledSmtpPortal, IAsyncLifetime
{
    public SmtpSink Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IStalledSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class StalledSmtpServerTests_Sqlite(StalledSmtpSqlitePortal portal) : StalledSmtpServerTests(portal), IClassFixture<StalledSmtpSqlitePortal>;

public sealed class StalledSmtpServerTests_Postgres(StalledSmtpPostgresPortal portal) : StalledSmtpServerTests(portal), IClassFixture<StalledSmtpPostgresPortal>;

public sealed class StalledSmtpServerTests_SqlServer(StalledSmtpSqlServerPortal portal) : StalledSmtpServerTests(portal), IClassFixture<StalledSmtpSqlServerPortal>;

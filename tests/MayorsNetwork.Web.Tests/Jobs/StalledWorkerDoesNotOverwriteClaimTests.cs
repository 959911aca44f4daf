using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Issue 11, defect 6: a worker that stalls in a send past Outbox:LockSeconds loses its claim to another worker, and
/// when it comes back its result changes nothing: the row keeps the other worker's result (recording is conditional on
/// the claim's token, not only on the row id).
/// </summary>
public abstract class StalledWorkerDoesNotOverwriteClaimTests(PortalFixture portal)
{
    [Fact]
    public async Task A_stalled_worker_that_comes_back_after_its_lock_expired_does_not_overwrite_the_other_workers_result()
    {
        var message = await OutboxMessages.QueueAsync(portal);
        var stalled = new StallingSender();
        await using var scopeA = portal.Factory.Services.CreateAsyncScope();
        var workerA = ActivatorUtilities.CreateInstance<OutboxProcessor>(scopeA.ServiceProvider, (IEmailSender)stalled);

        // Worker A claims the message and stalls in its send.
        var batchA = workerA.ProcessBatchAsync(CancellationToken.None);
        await stalled.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var claimedByA = await OutboxMessages.ReadAsync(portal, message.Id);
        Assert.Equal(OutboxStatus.Sending, claimedByA.Status);
        Assert.NotNull(claimedByA.ClaimToken);

        // Its lock expires; worker B claims the message again and sends it.
        portal.Clock.Advance(TimeSpan.FromSeconds(new OutboxOptions().LockSeconds + 1));
        var delivered = new RecordingSender();
        await using (var scopeB = portal.Factory.Services.CreateAsyncScope())
        {
            var workerB = ActivatorUtilities.CreateInstance<OutboxProcessor>(scopeB.ServiceProvider, (IEmailSender)delivered);
            Assert.Equal(1, await workerB.ProcessBatchAsync(CancellationToken.None));
        }

        Assert.Equal([message.MessageId], delivered.MessageIds);
        var sentByB = await OutboxMessages.ReadAsync(portal, message.Id);
        Assert.Equal(OutboxStatus.Sent, sentByB.Status);

        // A comes back with a temporary failure: recording it would put the sent message back in the queue (and send it twice).
        stalled.Release.SetResult();
        await batchA.WaitAsync(TimeSpan.FromSeconds(60));

        var after = await OutboxMessages.ReadAsync(portal, message.Id);
        Assert.Equal(OutboxStatus.Sent, after.Status);
        Assert.Equal(1, after.Attempts);
        Assert.Null(after.LastError);
        Assert.Equal(sentByB.SentAtUtc, after.SentAtUtc);
        Assert.Null(after.ClaimToken);
        Assert.Null(after.LockedBy);
    }

    /// <summary>Every send waits until released, then fails as a stalled server's timeout would.</summary>
    private sealed class StallingSender : IEmailSender, IEmailSession
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IEmailSession OpenSession() => this;

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task;
            throw new TransientEmailFailureException("The server did not answer within the timeout.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingSender : IEmailSender, IEmailSession
    {
        public List<string> MessageIds { get; } = [];

        public IEmailSession OpenSession() => this;

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            lock (MessageIds) MessageIds.Add(message.MessageId);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The app's own worker off, so the test's two workers are the only ones; a fixture of its own, whose clock it moves.</summary>
public sealed class NoWorkerSqlitePortal : SqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];
}

public sealed class NoWorkerOwnClockPostgresPortal : PostgresPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];
}

public sealed class NoWorkerSqlServerPortal : SqlServerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];
}

public sealed class StalledWorkerDoesNotOverwriteClaimTests_Sqlite(NoWorkerSqlitePortal portal) : StalledWorkerDoesNotOverwriteClaimTests(portal), IClassFixture<NoWorkerSqlitePortal>;

public sealed class StalledWorkerDoesNotOverwriteClaimTests_Postgres(NoWorkerOwnClockPostgresPortal portal) : StalledWorkerDoesNotOverwriteClaimTests(portal), IClassFixture<NoWorkerOwnClockPostgresPortal>;

public sealed class StalledWorkerDoesNotOverwriteClaimTests_SqlServer(NoWorkerSqlServerPortal portal) : StalledWorkerDoesNotOverwriteClaimTests(portal), IClassFixture<NoWorkerSqlServerPortal>;

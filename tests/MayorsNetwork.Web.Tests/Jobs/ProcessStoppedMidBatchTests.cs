using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// A worker stopped mid-batch leaves its messages in Sending with a lock. Once the lock has expired another
/// worker takes them and sends them with the same Message-ID (so a copy that went out before the stop is
/// recognisable); a message whose lock still holds is left to the worker that holds it.
/// </summary>
public abstract class ProcessStoppedMidBatchTests(PortalFixture portal)
{
    [Fact]
    public async Task A_message_left_sending_is_sent_again_with_its_message_id_once_its_lock_expires_and_not_before()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var cut = await OutboxMessages.QueueAsync(portal, arrange: m => LeftSending(m, "stopped-worker", now.AddMinutes(-1)));
        var held = await OutboxMessages.QueueAsync(portal, arrange: m => LeftSending(m, "busy-worker", now.AddMinutes(10)));

        var mail = await portal.Mail.WaitForAsync(m => m.MessageId == cut.MessageId);
        Assert.Equal(cut.Subject, mail.Subject);
        var sent = await OutboxMessages.WaitUntilAsync(portal, cut.Id, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LockedBy);
        Assert.Null(sent.LockedUntilUtc);

        // The background worker passed over the held message; a batch run now passes over it too.
        await OutboxMessages.ProcessBatchAsync(portal);
        var stillHeld = await OutboxMessages.ReadAsync(portal, held.Id);
        Assert.Equal(OutboxStatus.Sending, stillHeld.Status);
        Assert.Equal("busy-worker", stillHeld.LockedBy);
        Assert.Equal(0, stillHeld.Attempts);
        Assert.DoesNotContain(portal.Mail.Messages(), m => m.MessageId == held.MessageId);

        // When its lock runs out (the worker holding it died too), it is taken and sent, once.
        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        var late = await portal.Mail.WaitForAsync(m => m.MessageId == held.MessageId);
        Assert.Equal(held.Subject, late.Subject);
        Assert.Equal(OutboxStatus.Sent, (await OutboxMessages.WaitUntilAsync(portal, held.Id, m => m.Status == OutboxStatus.Sent)).Status);
        Assert.Single(portal.Mail.Messages(), m => m.MessageId == cut.MessageId);
        Assert.Single(portal.Mail.Messages(), m => m.MessageId == held.MessageId);
    }

    /// <summary>As a worker leaves a message it claimed when its process stops before recording the send.</summary>
    private static void LeftSending(OutboxMessage m, string worker, DateTime lockedUntil)
    {
        m.Status = OutboxStatus.Sending;
        m.LockedBy = worker;
        m.LockedUntilUtc = lockedUntil;
        m.NextAttemptAtUtc = lockedUntil.AddMinutes(-10);
    }
}

// The test moves the fixture's clock, so these fixtures are theirs alone.
public sealed class ProcessStoppedMidBatchTests_Sqlite(SqlitePortal portal) : ProcessStoppedMidBatchTests(portal), IClassFixture<SqlitePortal>;

public sealed class ProcessStoppedMidBatchTests_Postgres(PostgresPortal portal) : ProcessStoppedMidBatchTests(portal), IClassFixture<PostgresPortal>;

public sealed class ProcessStoppedMidBatchTests_SqlServer(SqlServerPortal portal) : ProcessStoppedMidBatchTests(portal), IClassFixture<SqlServerPortal>;

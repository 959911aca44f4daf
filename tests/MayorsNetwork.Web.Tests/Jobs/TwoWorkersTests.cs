using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Two workers on one PostgreSQL database (as two instances of the portal would run) drain the outbox
/// together, and no message is sent twice. PostgreSQL only: on SQLite the portal runs as one instance.
/// </summary>
public sealed class TwoWorkersTests(NoWorkerPostgresPortal portal) : IClassFixture<NoWorkerPostgresPortal>
{
    private const int Count = 500;

    [Fact]
    public async Task Two_workers_draining_500_messages_send_each_exactly_once()
    {
        var messageIds = new HashSet<string>();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < Count; i++)
            {
                var m = outbox.Enqueue($"Load {i}", [$"city-{i}@city.example.gov"], [$"mayor-{i}@city.example.gov"], $"Message {i} of {Count}", $"Text {i}", $"<p>HTML {i}</p>");
                messageIds.Add(m.MessageId);
            }

            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        // Two processors, each in a DI scope of its own, as two instances of the portal would have. Each
        // round starts both batches at the same moment, so both go for the same due messages: the race
        // in which a message could be claimed twice.
        await using var firstScope = portal.Factory.Services.CreateAsyncScope();
        await using var secondScope = portal.Factory.Services.CreateAsyncScope();
        OutboxProcessor[] workers = [firstScope.ServiceProvider.GetRequiredService<OutboxProcessor>(), secondScope.ServiceProvider.GetRequiredService<OutboxProcessor>()];
        var claimed = new int[workers.Length];
        for (var round = 0; await AnyLeftAsync(); round++)
        {
            Assert.True(round < 500, $"The outbox was not drained; claimed {string.Join(" and ", claimed)}.");
            var batches = await Task.WhenAll(workers.Select(w => Task.Run(() => w.ProcessBatchAsync(CancellationToken.None))));
            for (var i = 0; i < workers.Length; i++)
            {
                Assert.InRange(batches[i], 0, NoWorkerPostgresPortal.BatchSize);
                claimed[i] += batches[i];
            }

            // Nothing due this round: a message is waiting for its retry.
            if (batches.Sum() == 0) await Task.Delay(50);
        }

        // Each claim is exclusive and leads to one attempt: no message was held by both workers at once.
        Assert.Equal(await portal.WithDbAsync(db => db.OutboxMessages.SumAsync(m => m.Attempts)), claimed.Sum());
        Assert.All(claimed, c => Assert.True(c > 0, $"Both workers should have taken part; claimed {string.Join(" and ", claimed)}."));
        var received = portal.Mail.Messages().GroupBy(m => m.MessageId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Count, received.Count);
        Assert.All(messageIds, id => Assert.Equal(1, received.GetValueOrDefault(id)));
        var statuses = await portal.WithDbAsync(db => db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var sent = Assert.Single(statuses);
        Assert.Equal(OutboxStatus.Sent, sent.Key);
        Assert.Equal(Count, sent.Count);
    }

    private Task<bool> AnyLeftAsync() =>
        portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending));
}

using System.Globalization;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// The portal sending through a <see cref="ReplyingSmtpServer"/> (which accepts everything until a test
/// tells it otherwise), giving up after <see cref="MaxAttempts"/> attempts.
/// </summary>
public interface IReplyingSmtpPortal
{
    const int MaxAttempts = 4;

    ReplyingSmtpServer Server { get; }

    PortalFixture Portal { get; }

    internal static IEnumerable<KeyValuePair<string, string?>> SettingsFor(ReplyingSmtpServer server) =>
    [
        new("Email:Smtp:Port", server.Port.ToString(CultureInfo.InvariantCulture)),
        new("Outbox:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture)),
    ];
}

// Each re-implements IAsyncLifetime to start the server before the portal and stop it after.
public class ReplyingSmtpSqlitePortal : SqlitePortal, IReplyingSmtpPortal, IAsyncLifetime
{
    public ReplyingSmtpServer Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IReplyingSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Server.AcceptAllAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

public class ReplyingSmtpPostgresPortal : PostgresPortal, IReplyingSmtpPortal, IAsyncLifetime
{
    public ReplyingSmtpServer Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IReplyingSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Server.AcceptAllAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

public class ReplyingSmtpSqlServerPortal : SqlServerPortal, IReplyingSmtpPortal, IAsyncLifetime
{
    public ReplyingSmtpServer Server { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IReplyingSmtpPortal.SettingsFor(Server);

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (!IsAvailable) return;
        await Server.AcceptAllAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (!IsAvailable) return;
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>PostgreSQL with the app's own worker switched off, so tests run workers of their own.</summary>
public class NoWorkerPostgresPortal : PostgresPortal
{
    public const int BatchSize = 25;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Outbox:WorkerEnabled", "false"),
        new("Outbox:BatchSize", BatchSize.ToString(CultureInfo.InvariantCulture)),
    ];
}

/// <summary>Arranging and reading outbox messages directly, for the job tests.</summary>
public static class OutboxMessages
{
    /// <summary>Queues a message as a page would (the Outbox service, then SaveChanges) and returns it.</summary>
    public static async Task<OutboxMessage> QueueAsync(PortalFixture portal, string? topic = null, string? to = null, string? cc = null, Action<OutboxMessage>? arrange = null)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var id = Guid.NewGuid().ToString("N")[..10];
        var message = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(
            topic ?? $"Test message {id}",
            [to ?? $"finance-{id}@city.example.gov"],
            cc is null ? [] : [cc],
            $"Subject {id}",
            $"Plain text of {id}",
            $"<p>HTML of {id}</p>");
        arrange?.Invoke(message);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return message;
    }

    public static Task<OutboxMessage> ReadAsync(PortalFixture portal, long id) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Polls the database until the message satisfies the condition (the worker runs in the background).</summary>
    public static async Task<OutboxMessage> WaitUntilAsync(PortalFixture portal, long id, Func<OutboxMessage, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var message = await ReadAsync(portal, id);
            if (condition(message)) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Outbox message {id} is {message.Status} after {message.Attempts} attempts (last error: {message.LastError}).");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs one batch of a worker of the test's own, as the background worker does.</summary>
    public static async Task<int> ProcessBatchAsync(PortalFixture portal)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessBatchAsync(CancellationToken.None);
    }
}

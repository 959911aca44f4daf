using System.Diagnostics;
using System.Net;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Tests.Support;
using Npgsql;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// A load balancer takes an instance out when /healthz answers 503, so it must answer that within 10 seconds
/// of the database going away, however it goes: the server stopped (connections refused) or the network
/// dropped (connections hang), once the short window in which a probe's answer is reused has passed. PostgreSQL,
/// reached through a forwarder the test can kill or silence.
/// </summary>
public sealed class HealthWhenTheDatabaseIsLostTests(ForwardedPostgresPortal portal) : IClassFixture<ForwardedPostgresPortal>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Health_answers_503_within_10_seconds_when_the_database_server_is_gone()
    {
        await WaitUntilHealthyAsync();

        portal.Link.Kill();
        // The healthy answer just given is reused for DatabaseProbeGate.ReuseFor (issue 11 defect 8); once that passed,
        // the next call asks the database again and finds it gone.
        portal.Clock.Advance(DatabaseProbeGate.ReuseFor);
        var (status, body, elapsed) = await HealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.True(elapsed < Bound, $"/healthz took {elapsed.TotalSeconds:0.0} s to answer");
    }

    [Fact]
    public async Task Health_answers_503_within_10_seconds_when_the_database_stops_answering()
    {
        await WaitUntilHealthyAsync();

        // Pooled connections stay open and new ones are accepted, but nothing comes back: without a bound
        // of its own the check would wait for the driver's timeouts.
        portal.Link.Silence();
        portal.Clock.Advance(DatabaseProbeGate.ReuseFor);
        var (status, body, elapsed) = await HealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.True(elapsed < Bound, $"/healthz took {elapsed.TotalSeconds:0.0} s to answer");
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan Elapsed)> HealthAsync()
    {
        using var http = portal.Factory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, watch.Elapsed);
    }

    /// <summary>Forwards again and waits for a Healthy answer (the pool first drops the connections the forwarder cut).</summary>
    private async Task WaitUntilHealthyAsync()
    {
        portal.Link.Restore();
        NpgsqlConnection.ClearAllPools();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body, _) = await HealthAsync();
            if (status == HttpStatusCode.OK && body == "Healthy") return;
            Assert.True(DateTime.UtcNow < deadline, $"/healthz did not become healthy with the database reachable: {(int)status} {body}");
            await Task.Delay(200);
        }
    }
}

/// <summary>The portal on PostgreSQL through a <see cref="TcpForwarder"/>, with no background workers (they would only log the outage).</summary>
public sealed class ForwardedPostgresPortal : PostgresPortal, IAsyncLifetime
{
    public TcpForwarder Link { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];

    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync()
    {
        var (provider, connectionString) = await base.CreateDatabaseAsync();
        var direct = new NpgsqlConnectionStringBuilder(connectionString);
        Link = new TcpForwarder(direct.Host!, direct.Port);
        return (provider, new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Link.Port }.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Link?.Dispose();
        await DisposeAsync();
    }
}

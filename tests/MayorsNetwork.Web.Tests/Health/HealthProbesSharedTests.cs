using System.Net;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Health;

/// <summary>
/// Issue 11 defect 8: /healthz no longer opens an unpooled database connection per call without bound. Probes run one
/// at a time per instance and their answer is reused for <see cref="DatabaseProbeGate.ReuseFor"/>: counted by the
/// portal's own probe counter, on a clock that stands still until the test moves it (no timed assertion).
/// </summary>
public abstract class HealthProbesSharedTests(IStoppedClockPortal fixture)
{
    private DatabaseProbeGate Gate => fixture.Portal.Factory.Services.GetRequiredService<DatabaseProbeGate>();

    [Fact]
    public async Task Many_health_checks_at_once_run_one_probe_at_a_time_and_share_its_answer()
    {
        // Past any answer an earlier test left: the next call must ask the database.
        fixture.Stopped.Advance(DatabaseProbeGate.ReuseFor);
        var before = Gate.Probes;

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => HealthAsync()));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "Healthy"), a));
        Assert.Equal(1, Gate.Probes - before);
        Assert.Equal(1, Gate.MostAtOnce);
    }

    [Fact]
    public async Task An_answer_is_reused_within_the_window_and_the_database_is_asked_again_after_it()
    {
        fixture.Stopped.Advance(DatabaseProbeGate.ReuseFor);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync());
        var afterFirst = Gate.Probes;

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync());
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync());
        Assert.Equal(afterFirst, Gate.Probes);

        fixture.Stopped.Advance(DatabaseProbeGate.ReuseFor);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync());
        Assert.Equal(afterFirst + 1, Gate.Probes);
    }

    private async Task<(HttpStatusCode, string)> HealthAsync()
    {
        using var http = fixture.Portal.Factory.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(60);
        using var response = await http.GetAsync("/healthz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthProbesSharedTests_Sqlite(StoppedClockSqlitePortal portal) : HealthProbesSharedTests(portal), IClassFixture<StoppedClockSqlitePortal>;

public sealed class HealthProbesSharedTests_Postgres(StoppedClockPostgresPortal portal) : HealthProbesSharedTests(portal), IClassFixture<StoppedClockPostgresPortal>;

public sealed class HealthProbesSharedTests_SqlServer(StoppedClockSqlServerPortal portal) : HealthProbesSharedTests(portal), IClassFixture<StoppedClockSqlServerPortal>;

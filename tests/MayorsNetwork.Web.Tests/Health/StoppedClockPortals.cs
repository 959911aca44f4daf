using MayorsNetwork.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Health;

/// <summary>A portal whose clock stands still (<see cref="StoppedClock"/>), with no background workers (they need time to pass).</summary>
public interface IStoppedClockPortal
{
    StoppedClock Stopped { get; }

    PortalFixture Portal { get; }
}

public sealed class StoppedClockSqlitePortal : SqlitePortal, IStoppedClockPortal
{
    public StoppedClock Stopped { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Stopped);
}

public sealed class StoppedClockPostgresPortal : PostgresPortal, IStoppedClockPortal
{
    public StoppedClock Stopped { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Stopped);
}

public sealed class StoppedClockSqlServerPortal : SqlServerPortal, IStoppedClockPortal
{
    public StoppedClock Stopped { get; } = new();

    public PortalFixture Portal => this;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Outbox:WorkerEnabled", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Stopped);
}

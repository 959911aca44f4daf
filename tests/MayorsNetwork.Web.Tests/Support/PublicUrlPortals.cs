using MayorsNetwork.Web.Tests.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// Portals whose <c>Membership:PublicUrl</c> is not the address the tests' client uses (https://localhost), so that
/// a link built from the request could not pass for one built from PublicUrl.
/// </summary>
public static class PublicUrlPortals
{
    public const string PublicUrl = "https://members.mayors.example";

    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("Membership:PublicUrl", PublicUrl)];
}

public class PublicUrlSqlitePortal : SqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

public class PublicUrlPostgresPortal : PostgresPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

/// <summary>The portal as it runs on a server (the Production environment), reached at PublicUrl's host; its log is captured.</summary>
public class ProductionSqlitePortal : PublicUrlSqlitePortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override string EnvironmentName => "Production";

    protected override void ConfigureTestServices(IServiceCollection services) => Log.Install(services);
}

public class ProductionPostgresPortal : PublicUrlPostgresPortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override string EnvironmentName => "Production";

    protected override void ConfigureTestServices(IServiceCollection services) => Log.Install(services);
}

public class PublicUrlSqlServerPortal : SqlServerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => PublicUrlPortals.Settings;
}

public class ProductionSqlServerPortal : PublicUrlSqlServerPortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override string EnvironmentName => "Production";

    protected override void ConfigureTestServices(IServiceCollection services) => Log.Install(services);
}

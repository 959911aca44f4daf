using MayorsNetwork.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Support;

// Portals behind a proxy at 127.0.0.1 (the address the in-memory test server is given), so that a request's
// X-Forwarded-For is believed and becomes its client address, which the audit trail records.

public sealed class AuditSqlitePortal : SqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => BehindLoopbackProxy.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

public sealed class AuditPostgresPortal : PostgresPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => BehindLoopbackProxy.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

public sealed class AuditSqlServerPortal : SqlServerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => BehindLoopbackProxy.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

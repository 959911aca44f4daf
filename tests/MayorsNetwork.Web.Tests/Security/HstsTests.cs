using System.Net;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// ASVS 3.4.1: outside Development every https response carries Strict-Transport-Security for a year with subdomains,
/// whether the portal terminates TLS itself or a known proxy says the request came over https; Development sends none
/// (a developer's browser would otherwise refuse plain http on localhost ports for a year).
/// </summary>
public abstract class HstsTests(PortalFixture production, PortalFixture development)
{
    private const string Expected = "max-age=31536000; includeSubDomains";

    [Fact]
    public async Task Production_over_https_sends_HSTS_for_a_year_with_subdomains()
    {
        var client = production.Client();
        client.Http.DefaultRequestHeaders.Host = "members.mayors.example";

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in", page.One("h1")?.TextContent);
        Assert.Equal(Expected, Hsts(page));
    }

    [Fact]
    public async Task Production_behind_a_known_proxy_that_forwards_https_sends_HSTS()
    {
        var client = PlainHttpClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in", page.One("h1")?.TextContent);
        Assert.Equal(Expected, Hsts(page));
    }

    [Fact]
    public async Task Production_over_plain_http_sends_no_HSTS_which_browsers_would_ignore_there()
    {
        var page = await PlainHttpClient().GetAsync("/account/login");

        Assert.Null(Hsts(page));
    }

    [Fact]
    public async Task Development_sends_no_HSTS()
    {
        var page = await development.Client().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in", page.One("h1")?.TextContent);
        Assert.Null(Hsts(page));
    }

    /// <summary>A client that reaches the production portal over http at its public host, as the proxy in front of it does.</summary>
    private PortalClient PlainHttpClient() => new(
        production.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://members.mayors.example"), AllowAutoRedirect = false }),
        production);

    private static string? Hsts(PageResult page) =>
        page.Response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(", ", values) : null;
}

/// <summary>Production at PublicUrl's host, believing X-Forwarded-Proto from 127.0.0.1, the address every test request comes from.</summary>
public static class BehindLoopbackProxy
{
    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("ForwardedHeaders:KnownProxies:0", "127.0.0.1")];

    /// <summary>The in-memory test server gives requests no client address; these come from the proxy's.</summary>
    public static void Configure(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new LoopbackClientAddress());

    private sealed class LoopbackClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class BehindProxySqlitePortal : ProductionSqlitePortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, .. BehindLoopbackProxy.Settings];

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

public sealed class BehindProxyPostgresPortal : ProductionPostgresPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, .. BehindLoopbackProxy.Settings];

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

public sealed class BehindProxySqlServerPortal : ProductionSqlServerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, .. BehindLoopbackProxy.Settings];

    protected override void ConfigureTestServices(IServiceCollection services) => BehindLoopbackProxy.Configure(services);
}

public sealed class DevelopmentSqlitePortal : SqlitePortal
{
    protected override string EnvironmentName => "Development";
}

public sealed class DevelopmentPostgresPortal : PostgresPortal
{
    protected override string EnvironmentName => "Development";
}

public sealed class DevelopmentSqlServerPortal : SqlServerPortal
{
    protected override string EnvironmentName => "Development";
}

public sealed class HstsTests_Sqlite(BehindProxySqlitePortal production, DevelopmentSqlitePortal development)
    : HstsTests(production, development), IClassFixture<BehindProxySqlitePortal>, IClassFixture<DevelopmentSqlitePortal>;

public sealed class HstsTests_Postgres(BehindProxyPostgresPortal production, DevelopmentPostgresPortal development)
    : HstsTests(production, development), IClassFixture<BehindProxyPostgresPortal>, IClassFixture<DevelopmentPostgresPortal>;

public sealed class HstsTests_SqlServer(BehindProxySqlServerPortal production, DevelopmentSqlServerPortal development)
    : HstsTests(production, development), IClassFixture<BehindProxySqlServerPortal>, IClassFixture<DevelopmentSqlServerPortal>;

using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Logging;

/// <summary>A portal whose log the tests read (<see cref="CapturedLog"/>), and in which a request can fail on demand.</summary>
public interface ICapturedLogPortal
{
    CapturedLog Log { get; }

    PortalFixture Portal { get; }
}

/// <summary>
/// Test-only: a page request carrying the <see cref="Header"/> throws an exception whose message holds the header's
/// value, as a bug would. Not on the error page it is re-executed to, which must still render.
/// </summary>
public sealed class FailOnDemandFilter : IAsyncPageFilter
{
    public const string Header = "X-Test-Fail";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.TryGetValue(Header, out var marker) && http.Features.Get<IExceptionHandlerFeature>() is null)
            throw new InvalidOperationException($"Failure on demand {marker}");
        return next();
    }

    public static void Install(IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new FailOnDemandFilter()));
}

public sealed class CapturedLogSqlitePortal : SqlitePortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Log.Install(services);
        FailOnDemandFilter.Install(services);
    }
}

public sealed class CapturedLogPostgresPortal : PostgresPortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Log.Install(services);
        FailOnDemandFilter.Install(services);
    }
}

public sealed class CapturedLogSqlServerPortal : SqlServerPortal, ICapturedLogPortal
{
    public CapturedLog Log { get; } = new();

    public PortalFixture Portal => this;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        Log.Install(services);
        FailOnDemandFilter.Install(services);
    }
}

using System.Net;
using MayorsNetwork.Web.Tests.Support;
using Serilog.Events;

namespace MayorsNetwork.Web.Tests.Logging;

/// <summary>
/// Issue 11, defect 9 (second half): a 500 used to leave only "responded 500" in the log. Now every unhandled
/// exception is logged at Error with the exception and the request's id, and the error page shows that id so that
/// a user can quote it.
/// </summary>
public abstract class ServerErrorsLoggedWithRequestIdTests(ICapturedLogPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly CapturedLog _log = fixture.Log;

    [Fact]
    public async Task An_unhandled_exception_shows_a_reference_on_the_error_page_and_the_log_holds_it_at_Error_with_the_exception()
    {
        var marker = Guid.NewGuid().ToString("N");
        var client = _portal.Client();
        client.Http.DefaultRequestHeaders.Add(FailOnDemandFilter.Header, marker);

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Something went wrong", page.Text, StringComparison.Ordinal);
        var requestId = page.One("#request-id")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(requestId), $"The error page shows no reference: {page.Text}");
        Assert.Contains($"quote this reference: {requestId}", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, page.Html, StringComparison.Ordinal);

        var logged = await _log.WaitForAsync(
            e => e.Level == LogEventLevel.Error && e.Exception?.Message.Contains(marker, StringComparison.Ordinal) == true
                 && CapturedLog.Scalar(e, "RequestId") == requestId,
            $"the exception at Error under request {requestId}");
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains(requestId!, logged.RenderMessage() + string.Join(" ", logged.Properties.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_is_not_found_shows_no_reference()
    {
        var page = await _portal.Client().GetAsync($"/no-such-page-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Null(page.One("#request-id"));
    }
}

public sealed class ServerErrorsLoggedWithRequestIdTests_Sqlite(CapturedLogSqlitePortal portal) : ServerErrorsLoggedWithRequestIdTests(portal), IClassFixture<CapturedLogSqlitePortal>;

public sealed class ServerErrorsLoggedWithRequestIdTests_Postgres(CapturedLogPostgresPortal portal) : ServerErrorsLoggedWithRequestIdTests(portal), IClassFixture<CapturedLogPostgresPortal>;

public sealed class ServerErrorsLoggedWithRequestIdTests_SqlServer(CapturedLogSqlServerPortal portal) : ServerErrorsLoggedWithRequestIdTests(portal), IClassFixture<CapturedLogSqlServerPortal>;

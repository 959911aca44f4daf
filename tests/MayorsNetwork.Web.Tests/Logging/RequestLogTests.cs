using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace MayorsNetwork.Web.Tests.Logging;

/// <summary>
/// One log event per request (Serilog's request log): the method, the route pattern, the status, the user's id and
/// the request id, and never the query string, the path a visitor typed, or an email address.
/// </summary>
public abstract class RequestLogTests(ICapturedLogPortal fixture)
{
    private readonly PortalFixture _portal = fixture.Portal;
    private readonly CapturedLog _log = fixture.Log;

    [Fact]
    public async Task The_request_line_names_the_route_pattern_the_status_and_the_user_id_and_never_the_query_or_an_email()
    {
        var name = $"Logged Staff {Guid.NewGuid():N}";
        var staff = await _portal.SignedInStaffAsync(name);
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.FullName == name));
        var userId = user.Id;
        var secret = Guid.NewGuid().ToString("N");

        var page = await staff.GetAsync($"/members?search=mayor@springfield.example.gov&token={secret}");

        var line = await _log.WaitForAsync(
            e => _log.Requests().Contains(e) && CapturedLog.Scalar(e, "UserId") == userId && CapturedLog.Scalar(e, "RoutePattern").Contains("members", StringComparison.OrdinalIgnoreCase),
            "the staff member's request for the member directory");
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("GET", CapturedLog.Scalar(line, "RequestMethod"));
        Assert.Equal("/Members", CapturedLog.Scalar(line, "RoutePattern"), ignoreCase: true);
        Assert.Equal(((int)page.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), CapturedLog.Scalar(line, "StatusCode"));
        Assert.NotEmpty(CapturedLog.Scalar(line, "RequestId"));
        var rendered = line.RenderMessage();
        Assert.Contains(userId, rendered, StringComparison.Ordinal);
        AssertHoldsNone(line, "springfield", secret, "search=", user.Email!);
    }

    [Fact]
    public async Task An_anonymous_request_for_an_unknown_address_is_logged_by_route_without_its_path()
    {
        var secret = Guid.NewGuid().ToString("N");

        var page = await _portal.Client().GetAsync($"/no-such-page/bob-{secret}@example.gov?token={secret}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.Status);
        var line = await _log.WaitForAsync(
            e => _log.Requests().Contains(e) && CapturedLog.Scalar(e, "StatusCode") == "404" && CapturedLog.Scalar(e, "UserId") == "-",
            "the anonymous 404");
        // Neither the line for the 404 nor the one for the error page it was re-executed to.
        foreach (var request in _log.Requests()) AssertHoldsNone(request, secret, "@example.gov");
        Assert.Contains(line, _log.Requests());
    }

    private static void AssertHoldsNone(LogEvent line, params string[] texts)
    {
        var everything = line.RenderMessage() + " " + string.Join(" ", line.Properties.Select(p => $"{p.Key}={p.Value}"));
        foreach (var text in texts)
            Assert.False(everything.Contains(text, StringComparison.OrdinalIgnoreCase), $"The request line holds '{text}': {everything}");
    }
}

public sealed class RequestLogTests_Sqlite(CapturedLogSqlitePortal portal) : RequestLogTests(portal), IClassFixture<CapturedLogSqlitePortal>;

public sealed class RequestLogTests_Postgres(CapturedLogPostgresPortal portal) : RequestLogTests(portal), IClassFixture<CapturedLogPostgresPortal>;

public sealed class RequestLogTests_SqlServer(CapturedLogSqlServerPortal portal) : RequestLogTests(portal), IClassFixture<CapturedLogSqlServerPortal>;

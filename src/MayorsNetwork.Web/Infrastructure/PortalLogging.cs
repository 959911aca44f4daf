using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The log: Serilog to standard output through a background queue (a request never waits for the console) and
/// <see cref="StandardOutputSink"/>, which writes out what came in the last fifth of a second at once; as text or as compact JSON; and one
/// line per request with its route pattern, status, user id and request id.
/// </summary>
public static class PortalLogging
{
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>The console log, as text or JSON, written from a background queue.</summary>
    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration)
    {
        var format = configuration.GetValue("Logging:Format", LogFormat.Text);
        if (!Enum.IsDefined(format)) throw new InvalidOperationException($"Logging:Format must be Text or Json, not '{configuration["Logging:Format"]}'.");
        ITextFormatter formatter = format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
        var output = new StandardOutputSink(formatter);
        return Configure(configuration.GetValue("Logging:MinimumLevel", LogEventLevel.Information))
            .WriteTo.Async(sink => sink.Sink(output))
            .CreateLogger();
    }

    /// <summary>
    /// Levels and enrichment, without a sink (tests add one of their own). <paramref name="minimumLevel"/> is ours
    /// (Logging:MinimumLevel); the framework's chatty categories stay at Warning.
    /// </summary>
    public static LoggerConfiguration Configure(LogEventLevel minimumLevel) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            // After FromLogContext: ASP.NET Core's request scope carries the path, which may hold whatever a visitor typed.
            .Enrich.With<RequestPathRemover>();

    /// <summary>
    /// Serilog's request log, one event per request. The request is named by its route pattern
    /// (<c>account/login</c>, <c>members/{slug}</c>), never by its path or query string, so that no address or
    /// token a user typed into a URL reaches the log; the user is named by id, never by email address.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLog(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // This host's own logger (tests run several portals in one process; the static Log.Logger is only for the exit flush).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RoutePattern} responded {StatusCode} in {Elapsed:0.0} ms, user {UserId}, request {RequestId}";
            o.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RoutePattern", new ScalarValue(RouteOf(http, status))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("UserId", new ScalarValue(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-")),
                new LogEventProperty("RequestId", new ScalarValue(http.TraceIdentifier)),
            ];
        });

    private static string RouteOf(HttpContext http, int status) => http.GetEndpoint() switch
    {
        RouteEndpoint route => "/" + route.RoutePattern.RawText?.TrimStart('/'),
        // No endpoint: a static file that was served (its path names one of our own files), or nothing at all.
        null when status is >= 200 and < 400 => http.Request.Path.Value ?? "/",
        _ => "(no route)",
    };
}

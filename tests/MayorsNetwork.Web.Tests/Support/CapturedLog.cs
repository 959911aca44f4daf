using Serilog;
using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// The portal's log events, kept in memory for tests to read: the portal logs through this Serilog logger instead of
/// the console (the request log and every ILogger of the portal).
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Routes the portal's logging here, at Information and above (the framework's own categories at Warning).</summary>
    public void Install(IServiceCollection services)
    {
        // The portal's own levels and enrichment, with this sink instead of the console.
        var logger = MayorsNetwork.Web.Infrastructure.PortalLogging.Configure(LogEventLevel.Information).WriteTo.Sink(this).CreateLogger();
        services.AddSerilog(logger, dispose: true);
    }

    /// <summary>The request log's events (one per request), newest last.</summary>
    public IReadOnlyList<LogEvent> Requests() =>
        Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal) && e.Properties.ContainsKey("RoutePattern")).ToList();

    /// <summary>Waits for an event matching the predicate (the request line is written as the response completes).</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> predicate, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var match = Events.FirstOrDefault(predicate);
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No log event for {what}. Logged: {string.Join(" | ", Events.Select(e => e.RenderMessage()))}");
            await Task.Delay(50);
        }
    }

    public static string Scalar(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
}

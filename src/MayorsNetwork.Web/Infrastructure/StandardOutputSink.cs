using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Sinks.Async;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The log's last step: formats each event into a buffered writer over standard output, and flushes when the
/// background queue in front of it has nothing more waiting (or for a warning or worse, at once).
/// </summary>
/// <remarks>
/// Serilog's console sink writes and flushes every event on its own: under load (one request-log event per request)
/// that is one <c>write</c> system call per request, which cost the read path 5-12% of its requests per second
/// (bench/RESULTS.md, issue 12). Here a burst of events becomes one write, and a line still reaches the terminal as
/// soon as the queue is drained, so nobody watching the log waits for it. Runs only on the Async sink's single
/// worker thread, which is why it needs no lock.
/// </remarks>
public sealed class StandardOutputSink(ITextFormatter formatter) : ILogEventSink, IAsyncLogEventSinkMonitor, IDisposable
{
    private readonly StreamWriter _output = new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024)
    {
        AutoFlush = false,
    };
    private IAsyncLogEventSinkInspector? _queue;

    public void Emit(LogEvent logEvent)
    {
        formatter.Format(logEvent, _output);
        // No queue to look at (used on its own): behave like the console sink, one flush per event.
        if (_queue is not { Count: > 0 } || logEvent.Level >= LogEventLevel.Warning) _output.Flush();
    }

    public void StartMonitoring(IAsyncLogEventSinkInspector inspector) => _queue = inspector;

    public void StopMonitoring(IAsyncLogEventSinkInspector inspector) => _queue = null;

    public void Dispose() => _output.Dispose();
}

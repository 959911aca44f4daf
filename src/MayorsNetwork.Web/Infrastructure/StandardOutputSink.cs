using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The log's last step: formats each event into a buffered writer over standard output, and writes the buffer out
/// every <see cref="FlushInterval"/> (or at once for a warning or worse, and when the buffer fills).
/// </summary>
/// <remarks>
/// Serilog's console sink writes and flushes every event on its own: under load (one request-log event per request)
/// that is one <c>write</c> system call per request, which cost the read path 5-12% of its requests per second
/// (bench/RESULTS.md, issue 12). Here the events of a fifth of a second become one write, and nobody watching the log
/// waits longer than that for a line. Emit runs on the Async sink's single worker thread; the lock is for the timer.
/// </remarks>
public sealed class StandardOutputSink : ILogEventSink, IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _output;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private bool _pending;
    private bool _disposed;

    public StandardOutputSink(ITextFormatter formatter)
    {
        _formatter = formatter;
        _output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024)
        {
            AutoFlush = false,
        };
        _timer = new Timer(_ => FlushPending(), null, FlushInterval, FlushInterval);
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (_disposed) return;
            _formatter.Format(logEvent, _output);
            if (logEvent.Level >= LogEventLevel.Warning)
            {
                _output.Flush();
                _pending = false;
            }
            else
            {
                _pending = true;
            }
        }
    }

    private void FlushPending()
    {
        lock (_lock)
        {
            if (!_pending || _disposed) return;
            _output.Flush();
            _pending = false;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _output.Dispose();
        }
    }
}

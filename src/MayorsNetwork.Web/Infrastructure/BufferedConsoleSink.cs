using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The log on standard output when it goes to a file or a pipe (a server, a container), written in batches. With one
/// line per request, Serilog's console sink wrote and flushed every line under one lock: at thousands of requests a
/// second each request waited for the others' writes, which dominated the time of a cached page and its slowest
/// responses. Here a request only formats its line into memory; the lines go out every <c>flushEvery</c>, and at
/// once for a warning or an error, and on shutdown.
/// </summary>
public sealed class BufferedConsoleSink : ILogEventSink, IDisposable
{
    [ThreadStatic]
    private static StringWriter? _line;

    private readonly MessageTemplateTextFormatter _formatter;
    private readonly StreamWriter _out;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private bool _disposed;

    public BufferedConsoleSink(string outputTemplate, TimeSpan flushEvery)
    {
        _formatter = new MessageTemplateTextFormatter(outputTemplate, CultureInfo.InvariantCulture);
        _out = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        _timer = new Timer(_ => Flush(), null, flushEvery, flushEvery);
    }

    public void Emit(LogEvent logEvent)
    {
        var line = _line ??= new StringWriter(CultureInfo.InvariantCulture);
        line.GetStringBuilder().Clear();
        _formatter.Format(logEvent, line);
        var sb = line.GetStringBuilder();
        lock (_lock)
        {
            if (_disposed) return;
            foreach (var chunk in sb.GetChunks()) _out.Write(chunk.Span);
            if (logEvent.Level >= LogEventLevel.Warning) FlushLocked();
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            if (!_disposed) FlushLocked();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            FlushLocked();
            _disposed = true;
            _out.Dispose();
        }
    }

    private void FlushLocked()
    {
        try
        {
            _out.Flush();
        }
        catch (IOException)
        {
            // Whoever read our output has gone (a closed pipe); there is nowhere to write the log to.
        }
    }
}

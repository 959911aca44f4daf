using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MayorsNetwork.Bench;

/// <summary>
/// A server process (the reference or the portal) on a loopback port, its output in a log file.
/// Started through <c>sh -c "exec ..."</c> so that the output goes straight to the file (no pipe through
/// this process) and the process id is the server's own, whose peak memory /proc reports.
/// </summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Process process;

    private Server(Process process, string scheme, int port, string log)
    {
        this.process = process;
        Scheme = scheme;
        Port = port;
        Log = log;
    }

    public string Scheme { get; }

    public int Port { get; }

    public string Log { get; }

    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"{Scheme}://127.0.0.1:{Port}");

    public int Pid => process.Id;

    /// <summary>Starts <paramref name="dll"/> over HTTP on a free port and waits until <paramref name="readyPath"/> answers with success.</summary>
    public static Task<Server> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, string log, string readyPath = "/") =>
        StartAsync(dll, workingDirectory, environment, log, readyPath, "http", FreePort(), null);

    /// <summary>
    /// Starts <paramref name="dll"/> on <paramref name="scheme"/>://127.0.0.1:<paramref name="port"/> (for HTTPS the environment
    /// names Kestrel's certificate) and waits until <paramref name="readyPath"/> answers with success, asked through
    /// <paramref name="handler"/> when given (one that trusts a throw-away certificate).
    /// </summary>
    public static async Task<Server> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, string log, string readyPath,
        string scheme, int port, HttpMessageHandler? handler)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$@\" >\"$BENCH_LOG\" 2>&1", "dotnet", dll, "--urls", string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{port}")])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment["BENCH_LOG"] = log;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"{dll} did not start.");
        var server = new Server(process, scheme, port, log);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited ({process.ExitCode}) before it answered; see {log}:\n{Tail(log)}");
            try
            {
                using var response = await http.GetAsync(server.BaseUrl + readyPath);
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {readyPath} within 90 s; see {log}:\n{Tail(log)}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Peak resident set size (VmHWM) so far, in bytes; 0 when /proc does not say.</summary>
    public long PeakRss()
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Stops the server: SIGTERM (graceful shutdown), then SIGKILL after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    /// <summary>The last lines of a server's log, for a message that must say why it did not start (the log may not outlive the run).</summary>
    private static string Tail(string log) => File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

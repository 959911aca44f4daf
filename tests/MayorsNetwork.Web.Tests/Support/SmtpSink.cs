using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd, writing every message it receives into a Maildir that the
/// tests read. Started on a free loopback port per fixture; can be stopped and restarted on the same
/// port to test what happens while the mail server is down. <see cref="ReplyingSmtpServer"/> is the same
/// server with a handler that answers with chosen replies.
/// </summary>
public class SmtpSink : IAsyncDisposable
{
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    public SmtpSink()
        : this("mn-maildir-")
    {
    }

    protected SmtpSink(string folderPrefix)
    {
        Maildir = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(Maildir, sub));
        Port = FreePort();
    }

    public string Maildir { get; }

    /// <summary>The python3 that has Debian's aiosmtpd (tests/run-all.sh sets it; pyenv's python3 may not have it).</summary>
    protected static string Python =>
        Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_PYTHON") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public int Port { get; }

    public Task StartAsync() => StartServerAsync("aiosmtpd.handlers.Mailbox", configure: null);

    /// <summary>
    /// Starts the server with TLS: offered through STARTTLS (and required before MAIL FROM), or from the first byte
    /// (SMTPS), with a certificate and key in PEM files.
    /// </summary>
    public Task StartWithTlsAsync(bool implicitTls, string certificateFile, string keyFile) =>
        StartServerAsync("aiosmtpd.handlers.Mailbox", psi =>
        {
            psi.ArgumentList.Add(implicitTls ? "--smtpscert" : "--tlscert");
            psi.ArgumentList.Add(certificateFile);
            psi.ArgumentList.Add(implicitTls ? "--smtpskey" : "--tlskey");
            psi.ArgumentList.Add(keyFile);
        });

    /// <summary>Starts aiosmtpd on this sink's port and Maildir with the given handler class, and waits until it listens.</summary>
    protected async Task StartServerAsync(string handlerClass, Action<ProcessStartInfo>? configure)
    {
        await StopAsync();
        var psi = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", handlerClass])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        configure?.Invoke(psi);
        // The handler's own argument comes last, after any option the caller added.
        psi.ArgumentList.Add(Maildir);
        lock (_output) _output.Clear();
        try
        {
            _process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The SMTP test server needs python3 with aiosmtpd (Debian: apt-get install python3-aiosmtpd). Run tests/run-all.sh, which installs it.", ex);
        }

        // Read its output as it comes, so a full pipe never blocks it.
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                string output;
                lock (_output) output = _output.ToString().Trim();
                throw new InvalidOperationException($"The SMTP test server ({handlerClass}) exited at once: {output}. Install Debian's python3-aiosmtpd, or run tests/run-all.sh.");
            }

            if (await CanConnectAsync()) return;
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The SMTP test server did not listen on 127.0.0.1:{Port} within 15 seconds.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(Path.Combine(Maildir, "new"))
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(x => x.Time).ThenBy(x => x.File, StringComparer.Ordinal)
            .Select(x => ReceivedMail.Parse(File.ReadAllText(x.File)))
            .ToList();

    /// <summary>Waits until a message matching the predicate has arrived (the outbox worker sends in the background).</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var match = Messages().FirstOrDefault(predicate);
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline)
            {
                var subjects = string.Join("; ", Messages().Select(m => $"{string.Join(",", m.To)}: {m.Subject}"));
                throw new TimeoutException($"No matching email arrived. Received so far: {subjects}");
            }

            await Task.Delay(100);
        }
    }

    public Task<ReceivedMail> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(subjectContains, StringComparison.Ordinal), timeout);

    private async Task<bool> CanConnectAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Maildir, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

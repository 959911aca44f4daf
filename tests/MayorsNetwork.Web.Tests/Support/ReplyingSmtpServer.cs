using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>Where in the SMTP conversation the <see cref="ReplyingSmtpServer"/> refuses.</summary>
public enum RefuseAt
{
    /// <summary>After the message is sent (the reply to the final "."): the whole message is refused.</summary>
    Data,

    /// <summary>At RCPT TO: the recipients are refused (or only those matching).</summary>
    Rcpt,
}

/// <summary>
/// A real SMTP server (Debian's aiosmtpd with the handler in replying_smtpd.py) that answers with a
/// chosen reply, such as "451 4.3.0 Try again later" for the first N messages or "550 5.1.1 Mailbox
/// unavailable" always (or answers slowly), and writes the messages it accepts into a Maildir as <see cref="SmtpSink"/> does.
/// Restarted on the same port to change its reply; each refusal is logged so tests can count attempts.
/// </summary>
public sealed class ReplyingSmtpServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ReplyingSmtpServer()
    {
        Maildir = Path.Combine(Path.GetTempPath(), "mn-replying-" + Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(Maildir, sub));
        Port = SmtpSink.FreePort();
    }

    public string Maildir { get; }

    public int Port { get; }

    private string RefusalLog => Path.Combine(Maildir, "refusals.log");

    private static string Python =>
        Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_PYTHON") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Accepts every message.</summary>
    public Task AcceptAllAsync() => StartAsync(reply: null);

    /// <summary>
    /// (Re)starts the server. With a reply, it refuses the first <paramref name="times"/> transactions
    /// (0: every one) with it, at <paramref name="at"/>; with <paramref name="matching"/> (at RCPT), only
    /// recipients whose address contains that text are refused. With <paramref name="dataDelay"/>, it waits
    /// that long before answering the end of each message, as a slow server does.
    /// </summary>
    public async Task StartAsync(string? reply, int times = 0, RefuseAt at = RefuseAt.Data, string? matching = null, TimeSpan? dataDelay = null)
    {
        await StopAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "replying_smtpd.py");
        if (!File.Exists(script)) throw new InvalidOperationException($"{script} is missing: it is copied to the test output by the test project.");
        var psi = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "replying_smtpd.ReplyingMailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.Environment["PYTHONPATH"] = Path.GetDirectoryName(script);
        psi.Environment["SMTP_REPLY"] = reply ?? "";
        psi.Environment["SMTP_REPLY_TIMES"] = times.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["SMTP_REPLY_AT"] = at.ToString().ToLowerInvariant();
        psi.Environment["SMTP_REPLY_MATCHING"] = matching ?? "";
        psi.Environment["SMTP_DATA_DELAY"] = (dataDelay ?? TimeSpan.Zero).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_output) _output.Clear();
        try
        {
            _process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The SMTP test server needs python3 with aiosmtpd (Debian: apt-get install python3-aiosmtpd).", ex);
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
                throw new InvalidOperationException($"The replying SMTP test server exited at once: {output}");
            }

            if (await CanConnectAsync()) return;
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The replying SMTP test server did not listen on 127.0.0.1:{Port} within 15 seconds.");
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

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(Path.Combine(Maildir, "new"))
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(x => x.Time).ThenBy(x => x.File, StringComparer.Ordinal)
            .Select(x => ReceivedMail.Parse(File.ReadAllText(x.File)))
            .ToList();

    /// <summary>The messages accepted with this Message-ID.</summary>
    public IReadOnlyList<ReceivedMail> Copies(string messageId) => Messages().Where(m => m.MessageId == messageId).ToList();

    /// <summary>Each refusal so far: the reply, the Message-ID ("-" when refused at RCPT TO) and the recipients.</summary>
    public IReadOnlyList<(string Reply, string MessageId, string Recipients)> Refusals() =>
        ReadLines(RefusalLog)
            .Select(line => line.Split('\t'))
            .Select(f => (f[0], f.ElementAtOrDefault(1) ?? "", f.ElementAtOrDefault(2) ?? ""))
            .ToList();

    private static List<string> ReadLines(string file)
    {
        if (!File.Exists(file)) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>The Message-IDs of the messages a slow server (started with a data delay) has begun to receive.</summary>
    public IReadOnlyList<string> Receiving() => ReadLines(Path.Combine(Maildir, "receiving.log"));

    /// <summary>Waits until a message matching the predicate has been accepted.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var match = Messages().FirstOrDefault(predicate);
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching email was accepted. Refusals so far: {Refusals().Count}; accepted: {string.Join("; ", Messages().Select(m => m.Subject))}");
            await Task.Delay(100);
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Maildir, recursive: true); }
        catch (IOException) { }
    }
}

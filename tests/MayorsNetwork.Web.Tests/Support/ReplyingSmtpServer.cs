
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
public sealed class ReplyingSmtpServer() : SmtpSink("mn-replying-")
{
    private string RefusalLog => Path.Combine(Maildir, "refusals.log");

    /// <summary>Accepts every message.</summary>
    public Task AcceptAllAsync() => StartAsync(reply: null);

    /// <summary>
    /// (Re)starts the server. With a reply, it refuses the first <paramref name="times"/> transactions
    /// (0: every one) with it, at <paramref name="at"/>; with <paramref name="matching"/> (at RCPT), only
    /// recipients whose address contains that text are refused. With <paramref name="dataDelay"/>, it waits
    /// that long before answering the end of each message, as a slow server does.
    /// </summary>
    public Task StartAsync(string? reply, int times = 0, RefuseAt at = RefuseAt.Data, string? matching = null, TimeSpan? dataDelay = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "replying_smtpd.py");
        if (!File.Exists(script)) throw new InvalidOperationException($"{script} is missing: it is copied to the test output by the test project.");
        return StartServerAsync("replying_smtpd.ReplyingMailbox", psi =>
        {
            psi.Environment["PYTHONPATH"] = Path.GetDirectoryName(script);
            psi.Environment["SMTP_REPLY"] = reply ?? "";
            psi.Environment["SMTP_REPLY_TIMES"] = times.ToString(System.Globalization.CultureInfo.InvariantCulture);
            psi.Environment["SMTP_REPLY_AT"] = at.ToString().ToLowerInvariant();
            psi.Environment["SMTP_REPLY_MATCHING"] = matching ?? "";
            psi.Environment["SMTP_DATA_DELAY"] = (dataDelay ?? TimeSpan.Zero).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

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
    public new async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> predicate, TimeSpan? timeout = null)
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
}

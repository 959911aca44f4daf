using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// One SMTP connection, opened at the first message and kept for the next ones. Every step (connect with
/// TLS, sign in, send, quit) gives up after <c>Email:Smtp:TimeoutSeconds</c>, so a server that accepts the
/// connection and never answers cannot hold the outbox. Failures are classified by the server's reply:
/// 4xx temporary, 5xx permanent, a refused recipient reported as such.
/// </summary>
internal sealed class SmtpSession(EmailOptions options, ServerCertificateTrust? trust, ILogger logger) : IEmailSession
{
    private readonly SmtpOptions _smtp = options.Smtp;
    private RecipientRecordingSmtpClient? _client;

    // When the server could not be reached, the rest of this session's messages fail at once with the same
    // reason instead of each waiting out the timeout again; the next batch opens a new session and tries anew.
    private Exception? _unreachable;

    private TimeSpan Timeout => TimeSpan.FromSeconds(_smtp.TimeoutSeconds);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = MimeMessages.Build(message, options);
        if (_unreachable is not null) throw Again(_unreachable);

        var client = await ConnectedAsync(cancellationToken);
        client.Refused.Clear();
        try
        {
            await StepAsync("send", t => client.SendAsync(mime, t), cancellationToken);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.MessageNotAccepted && client.Refused.Count > 0)
        {
            // Every recipient was refused at RCPT TO (MailKit then gives up the message itself).
            throw RefusedEveryone(client.Refused, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A refused message leaves the connection usable (MailKit has reset the transaction), except after 421,
            // which says the server is closing it. Anything else (a timeout, a broken connection) needs a new one.
            await DropAsync(keepIfUsable: ex is SmtpCommandException c && (int)c.StatusCode != 421);
            throw Classify(ex);
        }

        if (client.Refused.Count > 0)
            throw new PartialEmailDeliveryException($"Delivered, except to {Describe(client.Refused)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await StepAsync("quit", t => _client.DisconnectAsync(quit: true, t), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Every message went out or was recorded already; a server that does not say goodbye changes nothing.
            logger.LogDebug(ex, "SMTP QUIT failed");
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    private async Task<RecipientRecordingSmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync(keepIfUsable: false);

        var client = new RecipientRecordingSmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        if (trust is not null) client.ServerCertificateValidationCallback = trust.Validate;
        try
        {
            var security = _smtp.EffectiveSecurity switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await StepAsync("connect", t => client.ConnectAsync(_smtp.Host!, _smtp.Port, security, t), cancellationToken);
            if (!string.IsNullOrEmpty(_smtp.UserName))
                await StepAsync("sign in", t => client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", t), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            _unreachable = Classify(ex);
            throw _unreachable;
        }

        _client = client;
        return client;
    }

    /// <summary>Runs one step of the conversation with its own deadline; a missed deadline is a <see cref="TimeoutException"/>.</summary>
    private async Task StepAsync(string step, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await action(deadline.Token);
        }
        // Our deadline, or MailKit's own read/write timeout (SmtpClient.Timeout, the same length), whichever came first.
        catch (Exception ex) when ((ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                                   || ex is TimeoutException || ex.InnerException is TimeoutException)
        {
            throw new TimeoutException($"The SMTP server {_smtp.Host}:{_smtp.Port} did not answer within {_smtp.TimeoutSeconds} s ({step})", ex);
        }
    }

    /// <summary>Forgets the connection unless it is still good for the next message (the server refused one message and stays open).</summary>
    private async Task DropAsync(bool keepIfUsable)
    {
        if (_client is null || (keepIfUsable && _client.IsConnected)) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or MailKit.ServiceNotConnectedException)
        {
            logger.LogDebug(ex, "Closing a failed SMTP connection");
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    private Exception Classify(Exception ex) => ex switch
    {
        PermanentEmailFailureException or TransientEmailFailureException or PartialEmailDeliveryException => ex,
        SmtpCommandException c when (int)c.StatusCode is >= 400 and < 500 => new TransientEmailFailureException($"SMTP {(int)c.StatusCode}: {c.Message}", c),
        SmtpCommandException c => new PermanentEmailFailureException($"SMTP {(int)c.StatusCode}: {c.Message}", c),
        SslHandshakeException => new TransientEmailFailureException($"TLS with {_smtp.Host}:{_smtp.Port} failed (is the server's certificate trusted? see Email:Smtp:TrustedCaFile): {ex.Message}", ex),
        AuthenticationException => new PermanentEmailFailureException($"The SMTP server refused the user name and password: {ex.Message}", ex),
        TimeoutException => new TransientEmailFailureException(ex.Message, ex),
        ParseException => new PermanentEmailFailureException($"Bad address: {ex.Message}", ex),
        _ => new TransientEmailFailureException($"SMTP unavailable ({_smtp.Host}:{_smtp.Port}): {ex.Message}", ex),
    };

    private static Exception RefusedEveryone(List<(MailboxAddress Mailbox, SmtpResponse Response)> refused, SmtpCommandException ex)
    {
        // One temporary refusal is worth another try; the permanent ones will be refused again and end it.
        var detail = $"Refused {Describe(refused)}";
        return refused.Any(r => (int)r.Response.StatusCode is >= 400 and < 500)
            ? new TransientEmailFailureException(detail, ex)
            : new PermanentEmailFailureException(detail, ex);
    }

    private static string Describe(List<(MailboxAddress Mailbox, SmtpResponse Response)> refused) =>
        string.Join("; ", refused.Select(r => $"{r.Mailbox.Address}: SMTP {(int)r.Response.StatusCode}: {r.Response.Response}"));

    private static Exception Again(Exception first) => first switch
    {
        PermanentEmailFailureException => new PermanentEmailFailureException(first.Message, first),
        _ => new TransientEmailFailureException($"Not tried: {first.Message}", first),
    };
}

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>Sends one message now. Only the outbox worker calls this; pages enqueue instead.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A failure that will not go away by retrying (an SMTP 5xx reply, a bad address).</summary>
public sealed class PermanentEmailFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A failure worth retrying later (an SMTP 4xx reply, a refused connection, a timeout).</summary>
public sealed class TransientEmailFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The server took the message for some recipients and refused the others: it went out, so it must not be
/// sent again (the recipients who got it would get it twice). The message says who was refused, and why.
/// </summary>
public sealed class PartialEmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>One connection's worth of sending. Not thread-safe: one message at a time.</summary>
public interface IEmailSession : IAsyncDisposable
{
    /// <summary>
    /// Sends one message, or throws <see cref="TransientEmailFailureException"/>, <see cref="PermanentEmailFailureException"/>
    /// or <see cref="PartialEmailDeliveryException"/>.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

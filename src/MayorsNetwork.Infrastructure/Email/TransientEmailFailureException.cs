namespace MayorsNetwork.Infrastructure.Email;

/// <summary>A failure worth retrying later (an SMTP 4xx reply, a refused connection, a timeout, an untrusted certificate).</summary>
public sealed class TransientEmailFailureException(string message, Exception? inner = null) : Exception(message, inner);

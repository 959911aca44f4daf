namespace MayorsNetwork.Infrastructure.Email;

/// <summary>A failure that will not go away by retrying (an SMTP 5xx reply, a bad address).</summary>
public sealed class PermanentEmailFailureException(string message, Exception? inner = null) : Exception(message, inner);

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// The server took the message for some recipients and refused the others: it went out, so it must not be
/// sent again (the recipients who got it would get it twice). The message says who was refused, and why.
/// </summary>
public sealed class PartialEmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

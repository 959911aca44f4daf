namespace MayorsNetwork.Infrastructure.Email;

public static class EmailSenderExtensions
{
    /// <summary>Sends one message on a session of its own (for a single message; a batch keeps one session).</summary>
    public static async Task SendAsync(this IEmailSender sender, EmailMessage message, CancellationToken cancellationToken)
    {
        await using var session = sender.OpenSession();
        await session.SendAsync(message, cancellationToken);
    }
}

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// Opens sessions that send messages now. Only the outbox worker sends; pages enqueue instead. A session
/// keeps one SMTP connection for all the messages it sends (a batch), instead of one connection per message.
/// </summary>
public interface IEmailSender
{
    /// <summary>A session that connects when its first message is sent; dispose it to say goodbye to the server.</summary>
    IEmailSession OpenSession();
}

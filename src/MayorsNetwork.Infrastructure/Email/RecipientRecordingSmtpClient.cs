using MailKit.Net.Smtp;
using MimeKit;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// MailKit's client, except that a refused recipient is noted instead of ending the transaction: the message
/// still goes to the others, and the session reports who was refused and why. When every recipient is
/// refused, MailKit ends the transaction itself ("No recipients were accepted").
/// </summary>
internal sealed class RecipientRecordingSmtpClient : SmtpClient
{
    public List<(MailboxAddress Mailbox, SmtpResponse Response)> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Refused.Add((mailbox, response));
}

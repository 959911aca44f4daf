using MimeKit;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>Builds the MIME message for an <see cref="EmailMessage"/>: plain and HTML alternatives, then any attachments.</summary>
public static class MimeMessages
{
    /// <summary>Throws <see cref="PermanentEmailFailureException"/> for an address that cannot be parsed: sending again will not fix it.</summary>
    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        foreach (var to in message.To) mime.To.Add(Mailbox(to));
        foreach (var cc in message.Cc) mime.Cc.Add(Mailbox(cc));
        mime.Subject = message.Subject;
        // Stored with its angle brackets; MimeKit adds its own.
        mime.MessageId = message.MessageId.Trim().TrimStart('<').TrimEnd('>');

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Mailbox(string address)
    {
        try
        {
            return MailboxAddress.Parse(address);
        }
        catch (ParseException ex)
        {
            throw new PermanentEmailFailureException($"Bad address '{address}': {ex.Message}", ex);
        }
    }
}

using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// Sends through an SMTP server with System.Net.Mail, or writes .eml files to a pickup folder when no
/// SMTP host is configured (the embedded default). Classifies failures as transient or permanent.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = ToMailMessage(message, o);
        using var client = CreateClient(o);
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpFailedRecipientException ex)
        {
            throw ClassifyRefusedRecipients(ex, mail.To.Count + mail.CC.Count + mail.Bcc.Count);
        }
        catch (SmtpException ex) when (IsTransient(ex.StatusCode) || ex.InnerException is SocketException or IOException or TimeoutException || ex.StatusCode == SmtpStatusCode.GeneralFailure)
        {
            throw new TransientEmailFailureException(Describe(ex), ex);
        }
        catch (SmtpException ex)
        {
            throw new PermanentEmailFailureException(Describe(ex), ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            throw new TransientEmailFailureException(ex.Message, ex);
        }
        catch (FormatException ex)
        {
            throw new PermanentEmailFailureException("Bad address: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Recipients refused at RCPT TO. When several are refused, System.Net.Mail wraps them in one
    /// SmtpFailedRecipientsException whose own StatusCode is GeneralFailure, so the codes are read from each
    /// inner exception. When only some were refused, System.Net.Mail has sent the message to the others
    /// before throwing.
    /// </summary>
    private static Exception ClassifyRefusedRecipients(SmtpFailedRecipientException ex, int recipients)
    {
        SmtpFailedRecipientException[] refused = ex is SmtpFailedRecipientsException { InnerExceptions.Length: > 0 } many ? many.InnerExceptions : [ex];
        var detail = string.Join("; ", refused.Select(r => $"{r.FailedRecipient}: SMTP {(int)r.StatusCode}: {r.Message}"));
        if (refused.Length < recipients)
            return new PartialEmailDeliveryException($"Delivered, except to {detail}", ex);
        // One temporary refusal is worth another try; the permanent ones will be refused again and end it.
        return refused.Any(r => IsTransient(r.StatusCode))
            ? new TransientEmailFailureException($"Refused {detail}", ex)
            : new PermanentEmailFailureException($"Refused {detail}", ex);
    }

    private static string Describe(SmtpException ex) =>
        ex.StatusCode == SmtpStatusCode.GeneralFailure
            ? $"SMTP unavailable: {ex.InnerException?.Message ?? ex.Message}"
            : $"SMTP {(int)ex.StatusCode}: {ex.Message}";

    // 4xx replies are temporary by RFC 5321; 5xx are permanent.
    private static bool IsTransient(SmtpStatusCode code) => (int)code is >= 400 and < 500;

    private SmtpClient CreateClient(EmailOptions o)
    {
        if (!o.UseSmtp)
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupFolder));
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
        {
            EnableSsl = o.Smtp.EnableStartTls,
            Timeout = o.Smtp.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(o.Smtp.UserName))
            client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        return client;
    }

    private static MailMessage ToMailMessage(EmailMessage message, EmailOptions o)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(o.FromAddress, o.FromName),
            Subject = message.Subject,
            SubjectEncoding = System.Text.Encoding.UTF8,
            HeadersEncoding = System.Text.Encoding.UTF8,
            BodyEncoding = System.Text.Encoding.UTF8,
            Body = message.TextBody,
            IsBodyHtml = false,
        };
        foreach (var to in message.To) mail.To.Add(to);
        foreach (var cc in message.Cc) mail.CC.Add(cc);
        mail.Headers["Message-ID"] = message.MessageId;
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, "text/html"));
        foreach (var a in message.Attachments)
            mail.Attachments.Add(new Attachment(new MemoryStream(a.Content), a.FileName, a.ContentType));
        return mail;
    }
}

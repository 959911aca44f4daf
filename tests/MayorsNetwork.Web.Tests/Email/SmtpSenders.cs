using MayorsNetwork.Infrastructure.Email;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.Email;

/// <summary>The portal's SMTP sender on its own, configured as Email:Smtp would configure it, and a message with every part.</summary>
public static class SmtpSenders
{
    public static IEmailSender For(int port, SmtpSecurity security, string? trustedCaFile = null, int timeoutSeconds = 10, string host = "127.0.0.1") =>
        new SmtpEmailSender(
            Options.Create(new EmailOptions
            {
                Smtp = new SmtpOptions { Host = host, Port = port, Security = security, TrustedCaFile = trustedCaFile, TimeoutSeconds = timeoutSeconds },
            }),
            new HostingEnvironment { ContentRootPath = Path.GetTempPath() },
            NullLogger<SmtpEmailSender>.Instance);

    /// <summary>A message with a non-ASCII subject, both bodies and a PDF attachment, under a fresh Message-ID.</summary>
    public static EmailMessage Message(string? to = null) => new(
        [to ?? $"finance-{Guid.NewGuid():N}@city.example.gov"],
        [$"mayor-{Guid.NewGuid():N}@city.example.gov"],
        "Dues for Santa Fé — fiscal year 2027",
        "Plain text: your invoice is attached.",
        "<p>HTML: your <strong>invoice</strong> is attached.</p>",
        $"<{Guid.NewGuid():N}@mayorsnetwork.test>")
    {
        Attachments = [new EmailAttachment("Invoice-2027-000001.pdf", "application/pdf", "%PDF-1.7 test bytes \u0001\u0002"u8.ToArray())],
    };
}

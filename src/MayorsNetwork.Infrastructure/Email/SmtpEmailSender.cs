using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per session, or writes .eml files to a pickup
/// folder when no SMTP host is configured (the embedded default).
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    // Read once: the file is checked at start-up (EmailOptions' validation) and a CA changes with a restart.
    private readonly Lazy<ServerCertificateTrust?> _trust = new(() => ServerCertificateTrust.FromFile(options.Value.Smtp.TrustedCaFile));

    public IEmailSession OpenSession()
    {
        var o = options.Value;
        return o.UseSmtp
            ? new SmtpSession(o, _trust.Value, logger)
            : new PickupFolderSession(Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupFolder)), o);
    }
}

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>How the connection to the SMTP server is protected (<c>Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on the same host or a test server.</summary>
    None,
}

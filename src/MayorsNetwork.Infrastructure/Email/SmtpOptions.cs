using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Infrastructure.Email;

public sealed class SmtpOptions : IValidatableObject
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default), SslOnConnect or None. When unset, the old <see cref="EnableStartTls"/> decides.</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>
    /// The setting before <see cref="Security"/>: true meant STARTTLS, false no TLS. Still read for one release,
    /// with a warning at start-up (see <see cref="LegacyStartTlsWarning"/>).
    /// </summary>
    public bool? EnableStartTls { get; set; }

    /// <summary>
    /// A PEM file of CA certificates trusted for the SMTP server's certificate in addition to the system's (a
    /// private CA). There is no switch that skips validation.
    /// </summary>
    public string? TrustedCaFile { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The longest any one step (connect, sign in, send, quit) may take.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableStartTls == false ? SmtpSecurity.None : SmtpSecurity.StartTls);

    /// <summary>What to warn about at start-up when the old setting is still in the configuration, or null.</summary>
    public string? LegacyStartTlsWarning => EnableStartTls is null
        ? null
        : $"Email:Smtp:EnableStartTls is deprecated and will be removed in the next release; set Email:Smtp:Security instead (now {EffectiveSecurity}).";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Security is { } s && !Enum.IsDefined(s))
            yield return new ValidationResult("Security must be StartTls, SslOnConnect or None.", [nameof(Security)]);
        if (!string.IsNullOrWhiteSpace(TrustedCaFile) && !File.Exists(TrustedCaFile))
            yield return new ValidationResult($"TrustedCaFile '{TrustedCaFile}' does not exist.", [nameof(TrustedCaFile)]);
    }
}

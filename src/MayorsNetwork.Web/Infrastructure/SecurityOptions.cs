using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Account security settings that may differ between a demo and a real portal.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>
    /// Staff and Admin accounts must turn on two-step verification (or add a passkey) before any staff page
    /// opens. On by default; appsettings.Development.json turns it off so the demo staff account signs in with a password.
    /// </summary>
    public bool RequireStaffTwoFactor { get; set; } = true;

    /// <summary>A session unused for this long ends: the next page asks to sign in again (ASVS 7.3.1). Each request renews it.</summary>
    [Range(5, 1440)]
    public int SessionIdleMinutes { get; set; } = 480;

    /// <summary>
    /// However active, a session ends this long after its sign-in (ASVS 7.3.2); 12 hours is NIST SP 800-63B's
    /// re-authentication bound for two-factor (AAL2) sessions.
    /// </summary>
    [Range(1, 720)]
    public int SessionMaxHours { get; set; } = 12;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionIdleMinutes > SessionMaxHours * 60)
        {
            yield return new ValidationResult(
                $"Security:SessionIdleMinutes ({SessionIdleMinutes}) is longer than Security:SessionMaxHours ({SessionMaxHours} hours); the idle timeout must fit inside the session's lifetime.",
                [nameof(SessionIdleMinutes)]);
        }
    }
}

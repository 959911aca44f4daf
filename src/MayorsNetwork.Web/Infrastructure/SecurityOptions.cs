namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Account security settings that may differ between a demo and a real portal.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Staff and Admin accounts must turn on two-step verification (or add a passkey) before any staff page
    /// opens. On by default; appsettings.Development.json turns it off so the demo staff account signs in with a password.
    /// </summary>
    public bool RequireStaffTwoFactor { get; set; } = true;
}

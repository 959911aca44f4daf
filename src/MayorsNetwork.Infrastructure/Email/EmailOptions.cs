using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Infrastructure.Email;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "membership@mayorsnetwork.local";

    [Required]
    public string FromName { get; set; } = "MayorsNetwork Membership";

    /// <summary>The domain in Message-IDs; stable so a resent message is recognisable.</summary>
    [Required]
    public string MessageIdDomain { get; set; } = "mayorsnetwork.local";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured (relative to the app's content root).</summary>
    [Required]
    public string PickupFolder { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UseSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    // DataAnnotations do not descend into nested objects by themselves.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult("Email:Smtp: " + r.ErrorMessage, r.MemberNames.Select(m => "Smtp." + m)));
    }
}

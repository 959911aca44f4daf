using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Where the Data Protection keys live (they sign and encrypt the sign-in cookie, antiforgery tokens and
/// account links). Every instance behind one address must use the same folder, or a cookie made on one is
/// refused by another; the application name ("MayorsNetwork") is fixed in code for the same reason.
/// </summary>
public sealed class KeyStorageOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    public const string ApplicationName = "MayorsNetwork";

    /// <summary>Absolute, or relative to the content root (then instances with different roots do not share it).</summary>
    [Required]
    public string KeysFolder { get; set; } = "data/keys";

    public string FullPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, KeysFolder));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeysFolder) || KeysFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            yield return new ValidationResult($"DataProtection:KeysFolder '{KeysFolder}' is not a folder path.", [nameof(KeysFolder)]);
    }
}

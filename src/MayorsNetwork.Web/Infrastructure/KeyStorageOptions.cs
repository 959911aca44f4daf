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

    /// <summary>
    /// Database (the key ring in the portal's own database: instances need no shared folder) or Folder (<see cref="KeysFolder"/>).
    /// Default: Database on PostgreSQL and SQL Server, Folder on SQLite.
    /// </summary>
    public KeyStore? Store { get; set; }

    /// <summary>The store in use: <see cref="Store"/>, or the provider's default.</summary>
    public KeyStore StoreFor(MayorsNetwork.Infrastructure.Data.DatabaseProvider provider) =>
        Store ?? (provider == MayorsNetwork.Infrastructure.Data.DatabaseProvider.Sqlite ? KeyStore.Folder : KeyStore.Database);

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

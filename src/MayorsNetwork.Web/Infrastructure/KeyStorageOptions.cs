using System.ComponentModel.DataAnnotations;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Where the Data Protection keys live (they sign and encrypt the sign-in cookie, antiforgery tokens and account
/// links). Every instance behind one address must read the same key ring, or a cookie made on one is refused by
/// another; the application name ("MayorsNetwork") is fixed in code for the same reason.
/// </summary>
public sealed class KeyStorageOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    public const string ApplicationName = "MayorsNetwork";

    /// <summary>
    /// Database (the portal's own database: several instances need no shared folder) or Folder (<see cref="KeysFolder"/>).
    /// Unset: Database on PostgreSQL and SQL Server, Folder on SQLite (one instance, and a second connection writing
    /// a key while a request's transaction holds SQLite's one writer would wait on it).
    /// </summary>
    public KeyStore? Store { get; set; }

    /// <summary>Absolute, or relative to the content root (then instances with different roots do not share it).</summary>
    [Required]
    public string KeysFolder { get; set; } = "data/keys";

    /// <summary>
    /// Optional: an absolute path to a PKCS#12 (.pfx) file whose certificate encrypts the keys at rest, in either store.
    /// Every instance needs the same file; keys written before it was set stay readable (they were not encrypted).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (give it through the environment, never in a committed file).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The store in use: <see cref="Store"/> when set, otherwise the provider's default.</summary>
    public KeyStore StoreFor(DatabaseProvider provider) =>
        Store ?? (provider == DatabaseProvider.Sqlite ? KeyStore.Folder : KeyStore.Database);

    public string FullPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, KeysFolder));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeysFolder) || KeysFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            yield return new ValidationResult($"DataProtection:KeysFolder '{KeysFolder}' is not a folder path.", [nameof(KeysFolder)]);
        if (Store is { } store && !Enum.IsDefined(store))
            yield return new ValidationResult($"DataProtection:Store '{store}' is not Database or Folder.", [nameof(Store)]);
        if (!string.IsNullOrWhiteSpace(CertificatePath))
        {
            var (certificate, problem) = KeyRingCertificate.Load(CertificatePath, CertificatePassword);
            certificate?.Dispose();
            if (problem is not null) yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }
    }
}

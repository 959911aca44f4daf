using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection keys at rest (DataProtection:CertificatePath, a PKCS#12 file with
/// its private key, and CertificatePassword). Whoever reads the store (the folder, or the database's table) then holds
/// only keys encrypted to it.
/// </summary>
public static class KeyRingCertificate
{
    /// <summary>The certificate, or why it cannot be used (null when it can).</summary>
    public static (X509Certificate2? Certificate, string? Problem) Load(string path, string? password)
    {
        if (!Path.IsPathFullyQualified(path)) return (null, $"DataProtection:CertificatePath '{path}' must be an absolute path.");
        if (!File.Exists(path)) return (null, $"DataProtection:CertificatePath '{path}' does not exist (or cannot be seen by the portal's user).");
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                return (null, $"DataProtection:CertificatePath '{path}' holds no private key: keys encrypted with it could not be read back.");
            }

            return (certificate, null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, $"DataProtection:CertificatePath '{path}' could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword: {ex.Message}");
        }
    }

    /// <summary>The certificate when one is configured and usable; otherwise null (validation reports why).</summary>
    public static X509Certificate2? TryLoad(string? path, string? password) =>
        string.IsNullOrWhiteSpace(path) ? null : Load(path, password).Certificate;
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MayorsNetwork.Web.Tests.KeyRing;

/// <summary>A certificate with its RSA key, made at run time (never committed), written as a password-protected .pfx.</summary>
public static class KeyRingCertificateFile
{
    public static (string Path, string Password) Create(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MayorsNetwork key ring test " + Guid.NewGuid().ToString("N")[..8], key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var password = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}

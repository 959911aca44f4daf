using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// A certificate authority and a server certificate made at run time for a TLS test (never committed), written
/// as PEM files into a folder of their own: the CA for the client to trust, the certificate and key for the server.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaFile => Path.Combine(Folder, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Folder, "server.pem");

    public string ServerKeyFile => Path.Combine(Folder, "server.key");

    /// <summary>A fresh CA, and a server certificate it signed for <paramref name="dnsName"/> and 127.0.0.1.</summary>
    public static TestCertificates Create(string dnsName = "localhost", bool includeLoopbackAddress = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mn-certs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var certificates = new TestCertificates(folder);
        var now = DateTimeOffset.UtcNow;

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=MayorsNetwork test CA " + Guid.NewGuid().ToString("N")[..8], caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={dnsName}", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (includeLoopbackAddress) names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(certificates.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(certificates.ServerCertificateFile, server.ExportCertificatePem());
        File.WriteAllText(certificates.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>
/// Validates the SMTP server's certificate: the system's trust, and in addition the CAs of
/// <c>Email:Smtp:TrustedCaFile</c> when it is set (a private CA). The host name must always match; there is
/// no way to accept a certificate that fails both.
/// </summary>
internal sealed class ServerCertificateTrust(X509Certificate2Collection trustedCas)
{
    public static ServerCertificateTrust? FromFile(string? pemFile)
    {
        if (string.IsNullOrWhiteSpace(pemFile)) return null;
        var cas = new X509Certificate2Collection();
        cas.ImportFromPemFile(pemFile);
        if (cas.Count == 0) throw new InvalidOperationException($"Email:Smtp:TrustedCaFile '{pemFile}' holds no certificate.");
        return new ServerCertificateTrust(cas);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        // A wrong name or no certificate at all is never accepted; only an unknown issuer may be vouched for.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors) return false;

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        // A private CA rarely publishes a revocation list; its certificates are trusted as configured.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return custom.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate)) leaf.Dispose();
        }
    }
}

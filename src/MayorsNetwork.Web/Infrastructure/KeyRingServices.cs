using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace MayorsNetwork.Web.Infrastructure;

public static class KeyRingServices
{
    /// <summary>
    /// One key ring for every instance, and a fixed application name, so instances with different content roots read
    /// each other's cookies and antiforgery tokens. Where the ring is kept (the database or the keys folder) is chosen
    /// by <see cref="KeyRingStore"/> from the validated options; keys are encrypted at rest with
    /// DataProtection:CertificatePath when it is set.
    /// </summary>
    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName(KeyStorageOptions.ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingStore>();

        // The framework takes the decryption certificates through the builder only, so the certificate is loaded here.
        // One that cannot be loaded is left out here and reported by KeyStorageOptions' validation, which stops the
        // portal (and the commands) with a message before any key is read or written.
        var keys = configuration.GetSection(KeyStorageOptions.Section);
        if (KeyRingCertificate.TryLoad(keys[nameof(KeyStorageOptions.CertificatePath)], keys[nameof(KeyStorageOptions.CertificatePassword)]) is { } certificate)
        {
            // New keys are encrypted with it; existing ones are read with it whatever certificate the machine's stores hold
            // (on Linux they hold none, so without this even the current certificate's keys could not be read back).
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }
}

using Microsoft.AspNetCore.ResponseCompression;

namespace MayorsNetwork.Web.Infrastructure;

public static class CompressionSetup
{
    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "text/csv"];
        });
        // Fastest (the default level): cached pages are compressed again on every request, so CPU matters more than bytes.
        services.AddSingleton<IResponseCompressionProvider, NoSecretsCompressionProvider>();
        return services;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MayorsNetwork.BrowserTests.Support;

/// <summary>The real app with the given settings; the fixture makes it listen on a real loopback port.</summary>
public sealed class KestrelPortalFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: cookies are not Secure, so they work over http://127.0.0.1 as a browser uses it.
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

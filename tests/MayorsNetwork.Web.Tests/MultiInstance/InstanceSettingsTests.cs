using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>The settings several instances need are checked at start-up: a bad one stops the portal with a message naming it.</summary>
public sealed class InstanceSettingsTests
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example.org", "KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "KnownNetworks")]
    [InlineData("DataProtection:KeysFolder", " ", "KeysFolder")]
    public void A_bad_proxy_or_keys_setting_stops_the_portal_with_a_message_naming_it(string key, string value, string named)
    {
        var db = Path.Combine(Path.GetTempPath(), $"mn-settings-{Guid.NewGuid():N}.db");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:ConnectionString", $"Data Source={db}");
            b.UseSetting("DemoData:Enabled", "false");
            b.UseSetting("Outbox:WorkerEnabled", "false");
            b.UseSetting("Logging:MinimumLevel", "Fatal");
            b.UseSetting(key, value);
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}

using MayorsNetwork.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace MayorsNetwork.Web.Tests.Email;

/// <summary>The old Email:Smtp:EnableStartTls still works for one release, and the portal says at start-up that it will stop.</summary>
public sealed class DeprecatedStartTlsSettingTests(DeprecatedStartTlsSettingTests.OldSettingPortal portal) : IClassFixture<DeprecatedStartTlsSettingTests.OldSettingPortal>
{
    [Fact]
    public async Task The_portal_warns_at_start_up_that_EnableStartTls_is_deprecated()
    {
        var warning = await portal.Log.WaitForAsync(
            e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("Email:Smtp:EnableStartTls is deprecated", StringComparison.Ordinal),
            "the deprecation warning");

        Assert.Contains("Email:Smtp:Security", warning.RenderMessage(), StringComparison.Ordinal);
    }

    public sealed class OldSettingPortal : SqlitePortal
    {
        public CapturedLog Log { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Email:Smtp:EnableStartTls", "false")];

        protected override void ConfigureTestServices(IServiceCollection services) => Log.Install(services);
    }
}

using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.Settings;

/// <summary>Settings are checked when the portal starts: a bad one stops it with a message naming it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Membership:FiscalYearStartMonth", "13", "FiscalYearStartMonth")]
    [InlineData("Membership:MembershipEmail", "not an address", "MembershipEmail")]
    [InlineData("Outbox:BatchSize", "0", "BatchSize")]
    [InlineData("Email:Smtp:Port", "70000", "Port")]
    [InlineData("Email:Smtp:TrustedCaFile", "/nonexistent/ca.pem", "TrustedCaFile")]
    [InlineData("RateLimits:PermitLimit", "0", "PermitLimit")]
    [InlineData("Invoices:RolloverMonths", "12", "RolloverMonths")]
    [InlineData("Invoices:RolloverMonths", "-1", "RolloverMonths")]
    [InlineData("Invoices:FirstYear", "4", "FirstYear")]
    // A misspelt placeholder in the council packet's cover letter (issue 14 item 6) would reach a council as "{Cty}".
    [InlineData("CouncilPacket:Letter", "Dear council of {Cty},", "CouncilPacket:Letter has unknown placeholders {Cty}")]
    public void A_bad_setting_stops_the_portal_with_a_message_naming_it(string key, string value, string named)
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

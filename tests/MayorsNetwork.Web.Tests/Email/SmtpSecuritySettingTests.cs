using MayorsNetwork.Infrastructure.Email;
using Microsoft.Extensions.Configuration;

namespace MayorsNetwork.Web.Tests.Email;

/// <summary>Email:Smtp:Security, and the old EnableStartTls that is still read for one release.</summary>
public sealed class SmtpSecuritySettingTests
{
    [Theory]
    [InlineData(null, null, SmtpSecurity.StartTls, false)]
    [InlineData("SslOnConnect", null, SmtpSecurity.SslOnConnect, false)]
    [InlineData("None", null, SmtpSecurity.None, false)]
    [InlineData(null, "false", SmtpSecurity.None, true)]
    [InlineData(null, "true", SmtpSecurity.StartTls, true)]
    [InlineData("SslOnConnect", "false", SmtpSecurity.SslOnConnect, true)]
    public void Security_is_read_from_the_new_setting_or_else_the_old_one_with_a_warning(string? security, string? enableStartTls, SmtpSecurity expected, bool warns)
    {
        var settings = new Dictionary<string, string?>();
        if (security is not null) settings["Email:Smtp:Security"] = security;
        if (enableStartTls is not null) settings["Email:Smtp:EnableStartTls"] = enableStartTls;
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();

        Assert.Equal(expected, options.Smtp.EffectiveSecurity);
        if (warns) Assert.Contains("Email:Smtp:Security", options.Smtp.LegacyStartTlsWarning, StringComparison.Ordinal);
        else Assert.Null(options.Smtp.LegacyStartTlsWarning);
    }
}

using MayorsNetwork.Infrastructure.Email;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Says at start-up which settings are still read under an old name and will stop working in the next release.</summary>
public sealed class DeprecatedSettingsWarning(IOptions<EmailOptions> email, ILogger<DeprecatedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (email.Value.Smtp.LegacyStartTlsWarning is { } warning) logger.LogWarning("{Warning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Globalization;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// Two real portal processes, A and B, on two loopback ports, sharing one PostgreSQL database (which holds the key
/// ring) and one SMTP server: two replicas behind a load balancer. Different content roots and keys folders on
/// purpose: the keys are shared by the database and the application name, not by any path. Started once for the test class; a
/// test that kills one calls <see cref="EnsureRunningAsync"/> first, so the next test gets both again.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    /// <summary>How long a claim holds: short, so a killed instance's claims are taken over within seconds.</summary>
    public const int LockSeconds = 10;

    public SharedDatabase Database { get; } = new();

    public SmtpSink Mail { get; } = new();

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public Dictionary<string, string> Settings => Database.Settings(
        Mail.Port,
        ("Outbox:BatchSize", "10"),
        ("Outbox:LockSeconds", LockSeconds.ToString(CultureInfo.InvariantCulture)));

    /// <summary>An instance's settings: the shared ones, and a keys folder of its own.</summary>
    public Dictionary<string, string> SettingsOf(string instance)
    {
        var settings = Settings;
        settings["DataProtection:KeysFolder"] = Database.KeysFolderOf(instance);
        return settings;
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Mail.StartAsync(), Database.InitializeAsync());
        var a = PortalProcess.StartAsync("A", SettingsOf("A"), PortalProcess.WebProjectFolder);
        var b = PortalProcess.StartAsync("B", SettingsOf("B"), AppContext.BaseDirectory);
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            // Whatever started is disposed with the fixture, even if the other failed to start.
            if (a.IsCompletedSuccessfully) A = a.Result;
            if (b.IsCompletedSuccessfully) B = b.Result;
        }
    }

    /// <summary>Starts again an instance a previous test killed.</summary>
    public async Task EnsureRunningAsync()
    {
        if (A.HasExited)
        {
            await A.DisposeAsync();
            A = await PortalProcess.StartAsync("A", SettingsOf("A"), PortalProcess.WebProjectFolder);
        }

        if (B.HasExited)
        {
            await B.DisposeAsync();
            B = await PortalProcess.StartAsync("B", SettingsOf("B"), AppContext.BaseDirectory);
        }
    }

    public async Task DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await Mail.DisposeAsync();
        await Database.DisposeAsync();
    }
}

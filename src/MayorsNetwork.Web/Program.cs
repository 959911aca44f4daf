using MayorsNetwork.Web.Seeding;
using Serilog;

// Commands: none (serve), "migrate" (apply migrations to the configured database and exit),
// "create-admin --email ADDRESS --name NAME" (create an Admin account, print its password once, exit).
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var hostArgs = command is null ? args : args[1..];

// Figures, dates and money read the American way in pages, emails and PDFs, whatever the server's locale.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");

var builder = WebApplication.CreateBuilder(hostArgs);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
var logger = PortalLogging.CreateLogger(builder.Configuration);
// The host logs through its own logger; the static one is there to be flushed when the process ends.
Log.Logger = logger;
builder.Logging.ClearProviders();
builder.Services.AddSerilog(logger, dispose: true);
builder.Services.AddPortal(builder.Configuration, builder.Environment);

var handedToTestHost = false;
try
{
    return await RunAsync(builder, command, hostArgs);
}
catch (HostAbortedException)
{
    // WebApplicationFactory stops the program once the host is built and runs that host itself: its logger lives on.
    handedToTestHost = true;
    throw;
}
finally
{
    // What the async sink still holds is written out before the process ends, after a command too.
    if (!handedToTestHost) await Log.CloseAndFlushAsync();
}

static async Task<int> RunAsync(WebApplicationBuilder builder, string? command, string[] hostArgs)
{
    var app = builder.Build();

    if (command is not null)
    {
        return await PortalCommands.RunAsync(app, command, hostArgs);
    }

    using (var scope = app.Services.CreateScope())
    {
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: false, app.Lifetime.ApplicationStopping);
        }
        catch (PendingMigrationsException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        if (app.Configuration.GetValue("DemoData:Enabled", app.Environment.IsDevelopment()))
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(app.Lifetime.ApplicationStopping);
    }

    app.UsePortalPipeline();
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        // The in-memory test host has no addresses; a real server prints where to open the portal.
        // Logged, not printed, so that with Logging:Format=Json every line of the output is JSON.
        if (app.Urls.Count > 0) app.Logger.LogInformation("MayorsNetwork is running at {Urls} (press Ctrl+C to stop)", string.Join(", ", app.Urls));
    });
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

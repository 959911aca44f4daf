using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Services;
using Serilog;
using Serilog.Events;

// Commands: none (serve), "migrate" (apply migrations to the configured database and exit),
// "create-admin --email ADDRESS --name NAME" (create an Admin account, print its password once, exit).
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var hostArgs = command is null ? args : args[1..];

// Figures, dates and money read the American way in pages, emails and PDFs, whatever the server's locale.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");

var builder = WebApplication.CreateBuilder(hostArgs);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
// Logging:MinimumLevel sets our level; the framework's chatty categories stay at Warning.
const string logTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
var logConfiguration = new LoggerConfiguration()
    .MinimumLevel.Is(builder.Configuration.GetValue("Logging:MinimumLevel", LogEventLevel.Information))
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
    .Enrich.FromLogContext();
// A terminal gets each line at once, in colour; a file or a pipe (servers, containers) gets lines in batches,
// the last of them written when the process ends (commands end without disposing the host).
var bufferedLog = Console.IsOutputRedirected ? new BufferedConsoleSink(logTemplate, TimeSpan.FromMilliseconds(250)) : null;
if (bufferedLog is not null) AppDomain.CurrentDomain.ProcessExit += (_, _) => bufferedLog.Dispose();
var logger = (bufferedLog is not null
        ? logConfiguration.WriteTo.Sink(bufferedLog)
        : logConfiguration.WriteTo.Console(outputTemplate: logTemplate))
    .CreateLogger();
builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);

builder.Services.AddPortal(builder.Configuration, builder.Environment);

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
    if (app.Urls.Count > 0) Console.WriteLine($"MayorsNetwork is running at {string.Join(", ", app.Urls)} (press Ctrl+C to stop)");
});
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

using MayorsNetwork.Web.Seeding;
using Microsoft.AspNetCore.DataProtection;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>The command-line commands: migrate, create-admin.</summary>
public static class PortalCommands
{
    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        // The settings are checked as a server's start checks them (a command starts no host), so a bad one (a keys
        // certificate that cannot be read, say) stops the command with its message before it touches anything.
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        switch (command)
        {
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, CancellationToken.None);
                // The first Data Protection key is made here, in the store in use (DataProtection:Store), after the
                // migrations made its table: instances started at once on an empty key ring would each make a key of
                // their own and refuse each other's cookies for a while.
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MayorsNetwork.Migrate").Protect("key ring ready");
                Console.WriteLine("The database is up to date.");
                return 0;
            case "create-admin":
                var email = Option(args, "--email");
                var name = Option(args, "--name") ?? "Administrator";
                if (string.IsNullOrWhiteSpace(email))
                {
                    Console.Error.WriteLine("Usage: create-admin --email ADDRESS [--name \"FULL NAME\"]");
                    return 2;
                }

                await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: false, CancellationToken.None);
                var (_, password) = await services.GetRequiredService<AdminAccounts>().CreateAsync(email, name, [Roles.Admin, Roles.Staff]);
                Console.WriteLine($"Created Admin {email}. Password (shown once, change it after signing in): {password}");
                return 0;
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: migrate, create-admin.");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

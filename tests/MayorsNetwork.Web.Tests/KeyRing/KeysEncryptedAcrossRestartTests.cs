using System.Net;
using MayorsNetwork.Web.Tests.MultiInstance;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.KeyRing;

/// <summary>
/// Issue 11 defect 8: with DataProtection:CertificatePath the keys are stored encrypted, and the portal still reads
/// them back: a sign-in made before a restart is still signed in after it (the key had to be decrypted from the store).
/// Real portal processes, in each store: the folder on SQLite, the database on PostgreSQL (their defaults).
/// </summary>
public sealed class KeysEncryptedAcrossRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mn-keyring-restart-" + Guid.NewGuid().ToString("N"));

    public KeysEncryptedAcrossRestartTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_sign_in_made_before_a_restart_still_holds_after_it_with_the_keys_encrypted_by_the_certificate(string provider)
    {
        var connectionString = provider == "Sqlite" ? $"Data Source={Path.Combine(_folder, "portal.db")}" : await TestDatabases.CreatePostgresDatabaseAsync();
        try
        {
            var (path, password) = KeyRingCertificateFile.Create(_folder);
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
                ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys"),
                ["DataProtection:CertificatePath"] = path,
                ["DataProtection:CertificatePassword"] = password,
                ["Outbox:WorkerEnabled"] = "false",
                ["Security:RequireStaffTwoFactor"] = "false",
                // The test is the TLS-terminating proxy (see Browser).
                ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
                ["Logging:MinimumLevel"] = "Warning",
            };
            var (migrateExit, migrateOutput) = await PortalProcess.RunCommandAsync(settings, "migrate");
            Assert.True(migrateExit == 0, migrateOutput);
            var email = $"admin-{Guid.NewGuid():N}@association.example.org";
            var (adminExit, adminOutput) = await PortalProcess.RunCommandAsync(settings, "create-admin", "--email", email, "--name", "Kim Keys");
            Assert.True(adminExit == 0, adminOutput);
            var adminPassword = adminOutput[(adminOutput.LastIndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();

            using var browser = new Browser();
            await using (var before = await PortalProcess.StartAsync("before", settings, AppContext.BaseDirectory))
            {
                await browser.SignInAsync(before, email, adminPassword);
                var page = await browser.GetAsync(before, "/account/security");
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal("Security", page.One("h1")?.TextContent.Trim());
            }

            await using var after = await PortalProcess.StartAsync("after", settings, AppContext.BaseDirectory);
            var again = await browser.GetAsync(after, "/account/security");

            Assert.True(again.Status == HttpStatusCode.OK, $"After the restart: {(int)again.Status} {again.Location}; {after.Output}");
            Assert.Equal("Security", again.One("h1")?.TextContent.Trim());
        }
        finally
        {
            if (provider == "Postgres") await TestDatabases.DropPostgresDatabaseAsync(connectionString);
            else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

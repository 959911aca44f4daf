using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.KeyRing;

/// <summary>
/// Issue 12 §4 and issue 11 defect 8: where the portal's own `migrate` command (a real process, as on a server) makes
/// the first Data Protection key. By default in the database on PostgreSQL and SQL Server and in the keys folder on
/// SQLite; DataProtection:Store overrides either. The folder is owner-only (0700, files 0600), and with
/// DataProtection:CertificatePath the stored key is encrypted, in either store.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class KeyRingStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mn-keyring-" + Guid.NewGuid().ToString("N"));
    private string _connectionString = "";

    private string KeysFolder => Path.Combine(_folder, "keys");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(_folder, "portal.db")}",
            DatabaseProvider.Postgres => await TestDatabases.CreatePostgresDatabaseAsync(),
            _ => await SqlServerTests.CreateDatabaseAsync(),
        };
    }

    [Fact]
    public async Task Migrate_makes_the_first_key_in_the_default_store_of_the_database()
    {
        await MigrateAsync();

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Single(KeyFiles());
            Assert.Equal(0, await KeyRowsAsync());
        }
        else
        {
            Assert.Equal(1, await KeyRowsAsync());
            Assert.False(Directory.Exists(KeysFolder), $"{KeysFolder} was written although the key ring is in the database.");
        }
    }

    [Fact]
    public async Task With_Store_Database_the_key_is_in_the_table_and_no_keys_folder_is_written()
    {
        await MigrateAsync(("DataProtection:Store", "Database"));

        Assert.Equal(1, await KeyRowsAsync());
        Assert.False(Directory.Exists(KeysFolder), $"{KeysFolder} was written although the key ring is in the database.");
    }

    [Fact]
    public async Task With_Store_Folder_the_key_is_in_an_owner_only_folder_and_not_in_the_table()
    {
        await MigrateAsync(("DataProtection:Store", "Folder"));

        var key = Assert.Single(KeyFiles());
        Assert.Equal(0, await KeyRowsAsync());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public async Task A_keys_folder_open_to_others_is_tightened_to_owner_only()
    {
        await MigrateAsync(("DataProtection:Store", "Folder"));
        var key = Assert.Single(KeyFiles());
        // As an older version (or a hand-made folder) would have left them: readable by everyone.
        File.SetUnixFileMode(KeysFolder, (UnixFileMode)Convert.ToInt32("777", 8));
        File.SetUnixFileMode(key, (UnixFileMode)Convert.ToInt32("644", 8));

        await MigrateAsync(("DataProtection:Store", "Folder"));

        Assert.Equal(key, Assert.Single(KeyFiles()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Theory]
    [InlineData("Database")]
    [InlineData("Folder")]
    public async Task With_a_certificate_the_stored_key_is_encrypted_and_its_secret_is_not_in_plain_text(string store)
    {
        var (path, password) = KeyRingCertificateFile.Create(_folder);

        await MigrateAsync(("DataProtection:Store", store), ("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", password));

        var xml = store == "Database" ? Assert.Single(await KeyXmlRowsAsync()) : await File.ReadAllTextAsync(Assert.Single(KeyFiles()));
        // XML encryption (EncryptedXmlDecryptor) whose content key is encrypted to the certificate, which it names.
        Assert.True(xml.Contains("<encryptedSecret", StringComparison.Ordinal) && xml.Contains("<X509Certificate>", StringComparison.Ordinal), $"Not encrypted with the certificate: {xml}");
        // The plain form holds the master key's bytes in <masterKey><value>; the encrypted one does not.
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_migrate_with_a_message_naming_the_setting()
    {
        var missing = Path.Combine(_folder, "no-such.pfx");
        var (exitCode, output) = await PortalProcess.RunCommandAsync(Settings(("DataProtection:CertificatePath", missing)), "migrate");

        Assert.Equal(1, exitCode);
        Assert.Contains($"DataProtection:CertificatePath '{missing}' does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("The database is up to date.", output, StringComparison.Ordinal);
        Assert.Empty(KeyFiles());
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_migrate_with_a_message_naming_the_setting()
    {
        var (path, _) = KeyRingCertificateFile.Create(_folder);

        var (exitCode, output) = await PortalProcess.RunCommandAsync(Settings(("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", "not the password")), "migrate");

        Assert.Equal(1, exitCode);
        Assert.Contains($"DataProtection:CertificatePath '{path}' could not be read", output, StringComparison.Ordinal);
    }

    private async Task MigrateAsync(params (string Key, string Value)[] extra)
    {
        var (exitCode, output) = await PortalProcess.RunCommandAsync(Settings(extra), "migrate");
        Assert.True(exitCode == 0, $"migrate failed ({exitCode}): {output}");
        Assert.Contains("The database is up to date.", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = _connectionString,
            ["DataProtection:KeysFolder"] = KeysFolder,
            ["Outbox:WorkerEnabled"] = "false",
            ["Logging:MinimumLevel"] = "Warning",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    private string[] KeyFiles() => Directory.Exists(KeysFolder) ? Directory.GetFiles(KeysFolder, "key-*.xml") : [];

    private async Task<int> KeyRowsAsync() => (await KeyXmlRowsAsync()).Count;

    private async Task<List<string>> KeyXmlRowsAsync()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = _connectionString }, _folder);
        await using var db = new PortalDbContext(options.Options);
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        if (provider == DatabaseProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else if (provider == DatabaseProvider.Postgres && _connectionString.Length > 0) await TestDatabases.DropPostgresDatabaseAsync(_connectionString);
        else if (provider == DatabaseProvider.SqlServer && _connectionString.Length > 0) await SqlServerTests.DropDatabaseAsync(_connectionString);
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyRingStoreTests_Sqlite() : KeyRingStoreTests(DatabaseProvider.Sqlite);

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyRingStoreTests_Postgres() : KeyRingStoreTests(DatabaseProvider.Postgres);

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyRingStoreTests_SqlServer() : KeyRingStoreTests(DatabaseProvider.SqlServer);

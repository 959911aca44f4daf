using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// The portal running in memory against a real database and a real SMTP server. One per test class;
/// tests create their own data (unique names) so they can share it. Sqlite and Postgres subclasses run
/// the same tests on each provider.
/// </summary>
public abstract class PortalFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    static PortalFixture()
    {
        // Many portals live at once in a test run; watching files with inotify would exhaust the
        // per-user limit of inotify instances (128 by default). Polling needs none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly string _keys = Path.Combine(Path.GetTempPath(), "mn-keys-" + Guid.NewGuid().ToString("N"));

    public SmtpSink Mail { get; } = new();

    /// <summary>The portal's clock; tests that move it forward should have a fixture of their own.</summary>
    public ManualClock Clock { get; } = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public abstract string ProviderName { get; }

    /// <summary>The hosting environment; not Development, so cookies are Secure as in production.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Extra settings for a fixture (for example low rate limits).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Services a fixture replaces or adds in its portal (a log that the tests read, a failure on demand).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected abstract Task<(string Provider, string ConnectionString)> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>
    /// False for a provider whose server is not configured here (SQL Server): xunit still makes the class fixture of a
    /// class whose tests are all skipped, and it then starts nothing.
    /// </summary>
    public virtual bool IsAvailable => true;

    public async Task InitializeAsync()
    {
        if (!IsAvailable) return;
        await Mail.StartAsync();
        var (provider, connectionString) = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["Outbox:PollMilliseconds"] = "100",
            ["Outbox:RetryBaseSeconds"] = "0.2",
            ["Outbox:RetryMaxSeconds"] = "2",
            ["RateLimits:PermitLimit"] = "100000",
            ["DemoData:Enabled"] = "false",
            ["DataProtection:KeysFolder"] = _keys,
            ["Logging:MinimumLevel"] = "Warning",
        };
        foreach (var (key, value) in Settings) settings[key] = value;

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Not Development: cookies are Secure, as in production; the client speaks https.
            b.UseEnvironment(EnvironmentName);
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                ConfigureTestServices(services);
            });
        });
        Factory.ClientOptions.BaseAddress = new Uri("https://localhost");
        Factory.ClientOptions.AllowAutoRedirect = false;
        // Start the host now: migrations run, the worker starts.
        _ = Factory.Services;
    }

    public PortalClient Client() => new(Factory.CreateClient(), this);

    /// <summary>
    /// A scope for reading or arranging the database directly. Writes made here bypass the pages that evict the
    /// output cache, so the cached public pages are forgotten afterwards, as a staff change through the pages would.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        await EvictCachedPagesAsync();
        return result;
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
        await EvictCachedPagesAsync();
    }

    /// <summary>
    /// A write through the portal's own database context, as its pages write: its interceptor evicts the cached
    /// pages that show what changed, and nothing else is evicted.
    /// </summary>
    public async Task WithDbAsync(Func<PortalDbContext, Task> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>
    /// A database write behind the pages' back (the same database, without the portal's interceptors) that leaves the
    /// output cache as it is (to show that a page came from it).
    /// </summary>
    public async Task WithDbKeepingCacheAsync(Func<PortalDbContext, Task> work)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, Factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            Factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        await using var db = new PortalDbContext(builder.Options);
        await work(db);
    }

    public Task EvictCachedPagesAsync() =>
        Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.AllPublicPages, CancellationToken.None).AsTask();

    /// <summary>
    /// A confirmed staff (or admin) account with two-step verification turned on, as staff must have before a staff
    /// page opens (Security:RequireStaffTwoFactor). Returns its address and the authenticator key its app would hold.
    /// </summary>
    public async Task<(string Email, string Key)> CreateEnrolledStaffAsync(string? name = null, string role = Roles.Staff)
    {
        var email = $"staff-{Guid.NewGuid():N}@association.example.org";
        var key = "";
        await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name ?? "Staff Member" };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        });
        return (email, key);
    }

    /// <summary>A confirmed staff account with two-step verification on, signed in with its password and a current code.</summary>
    public async Task<PortalClient> SignedInStaffAsync(string? name = null, string role = Roles.Staff)
    {
        var (email, key) = await CreateEnrolledStaffAsync(name, role);
        var client = Client();
        await client.SignInWithCodeAsync(email, Password, key);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (!IsAvailable) return;
        await Factory.DisposeAsync();
        await Mail.DisposeAsync();
        await DropDatabaseAsync();
        try { Directory.Delete(_keys, recursive: true); }
        catch (IOException) { }
    }
}

public class SqlitePortal : PortalFixture
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"mn-test-{Guid.NewGuid():N}.db");

    public override string ProviderName => "SQLite";

    protected override Task<(string Provider, string ConnectionString)> CreateDatabaseAsync() =>
        Task.FromResult(("Sqlite", $"Data Source={_file}"));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_file + suffix); }
            catch (IOException) { }
        }

        return Task.CompletedTask;
    }
}

public class PostgresPortal : PortalFixture
{
    private string? _connectionString;

    public override string ProviderName => "PostgreSQL";

    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync()
    {
        _connectionString = await TestDatabases.CreatePostgresDatabaseAsync();
        return ("Postgres", _connectionString);
    }

    protected override Task DropDatabaseAsync() =>
        _connectionString is null ? Task.CompletedTask : TestDatabases.DropPostgresDatabaseAsync(_connectionString);
}

/// <summary>SQL Server, where <see cref="SqlServerTests.Variable"/> names one; otherwise its classes' tests are skipped.</summary>
public class SqlServerPortal : PortalFixture
{
    private string? _connectionString;

    public override string ProviderName => "SQL Server";

    public override bool IsAvailable => SqlServerTests.Server is not null;

    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync()
    {
        _connectionString = await SqlServerTests.CreateDatabaseAsync();
        return ("SqlServer", _connectionString);
    }

    protected override Task DropDatabaseAsync() =>
        _connectionString is null ? Task.CompletedTask : SqlServerTests.DropDatabaseAsync(_connectionString);
}

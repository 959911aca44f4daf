using System.Globalization;
using System.Net;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsNetwork.BrowserTests.Support;

/// <summary>
/// The portal served by Kestrel on 127.0.0.1 (a free port), with a SQLite database in a temporary file
/// and a real SMTP server, plus one headless Chromium. Shared by every browser test (see
/// <see cref="BrowserCollection"/>); each test opens its own browser context, so cookies are not shared.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string Password = PortalFixture.Password;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mn-browser-{Guid.NewGuid():N}.db");
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "mn-browser-keys-" + Guid.NewGuid().ToString("N"));
    private KestrelPortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SmtpSink Mail { get; } = new();

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal has not started.");

    /// <summary>Where screenshots go: MAYORSNETWORK_TEST_SCREENSHOTS, or mn-shots in the temp folder.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "mn-shots");

    public async Task InitializeAsync()
    {
        Chromium.RequireExecutable();
        await Mail.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_database}",
            ["Database:MigrateOnStartup"] = "true",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["Outbox:PollMilliseconds"] = "100",
            ["RateLimits:PermitLimit"] = "100000",
            ["DemoData:Enabled"] = "false",
            ["DataProtection:KeysFolder"] = _keys,
            ["Logging:MinimumLevel"] = "Warning",
        };

        _factory = new KestrelPortalFactory(settings);
        // Port 0: the system picks a free port; only the IPv4 loopback address is bound.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? throw new InvalidOperationException("The server did not report its addresses.");
        BaseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))?.TrimEnd('/')
                  ?? throw new InvalidOperationException($"The server is not listening on 127.0.0.1: {string.Join(", ", addresses)}");

        // Two shared cores: generous waits, but a broken page still fails in seconds rather than minutes.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// The same server as http://localhost:port. WebAuthn (passkeys) needs a host name: Chromium refuses an IP address
    /// as relying party, and the portal's relying party is Membership:PublicUrl's host, localhost by default.
    /// </summary>
    public string LocalhostUrl => BaseUrl.Replace("http://127.0.0.1:", "http://localhost:", StringComparison.Ordinal);

    /// <summary>A fresh browser context (own cookies) and a page in it, with the portal as base URL.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? baseUrl = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context with JavaScript turned off, to check that a page works without our scripts.</summary>
    public Task<IBrowserContext> NewContextWithoutScriptAsync() => _browser!.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl,
        JavaScriptEnabled = false,
        Locale = "en-US",
        TimezoneId = "UTC",
    });

    /// <summary>A confirmed staff account, created through the app's UserManager; returns its email address.</summary>
    public async Task<string> CreateStaffAsync(string name = "Sam Staff")
    {
        var email = $"staff-{Guid.NewGuid():N}@association.example.org";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, Roles.Staff);
        Assert.True(role.Succeeded, string.Join(" ", role.Errors.Select(e => e.Description)));
        // Staff must have two-step verification before a staff page opens (Security:RequireStaffTwoFactor).
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        AuthenticatorKeys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
        return email;
    }

    /// <summary>The authenticator key of each enrolled account made here, as the person's phone would hold it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Signs in through the login form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/account/login", StringComparison.OrdinalIgnoreCase) && !url.Contains("/account/login?", StringComparison.OrdinalIgnoreCase));
        if (page.Url.Contains("/account/loginwith2fa", StringComparison.OrdinalIgnoreCase) && AuthenticatorKeys.TryGetValue(email, out var key))
        {
            // The second step, as a person types the code their authenticator app shows.
            await page.Locator("#Input_Code").FillAsync(AuthenticatorCode(key));
            await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/loginwith2fa", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits, from the base32 key.</summary>
    private static string AuthenticatorCode(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }

        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1: this is what a phone computes, not our own security.
        var hash = System.Security.Cryptography.HMACSHA1.HashData(bytes.ToArray(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A full-page screenshot into <see cref="ScreenshotFolder"/>, for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Mail.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_database + suffix); }
            catch (IOException) { }
        }

        try { Directory.Delete(_keys, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One server and one browser for all browser tests; the tests in it run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}

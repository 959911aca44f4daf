using Microsoft.Playwright;

namespace MayorsNetwork.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright. We never run `playwright install` (it downloads a browser
/// build, which cannot be fetched here); the browser is the distribution's, named by ExecutablePath.
/// </summary>
public static class Chromium
{
    public const string Variable = "MAYORSNETWORK_TEST_CHROMIUM";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Fails clearly, never skips, when the browser is missing.</summary>
    public static string RequireExecutable()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is needed for the browser tests and was not found at '{path}'. " +
                $"Install Debian's chromium (apt-get install chromium), run tests/run-all.sh (which installs it), " +
                $"or set {Variable} to a Chromium executable.");
        }

        return path;
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = RequireExecutable(),
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
}

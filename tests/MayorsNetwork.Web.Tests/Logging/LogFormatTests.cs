using System.Text.Json;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Logging;

/// <summary>
/// The log as a server writes it, read from the output of a real portal process: readable lines by default,
/// compact JSON (one object per line) with Logging:Format=Json, and everything written out before a command ends.
/// </summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mn-logformat-" + Guid.NewGuid().ToString("N"));

    public LogFormatTests() => Directory.CreateDirectory(_folder);

    private Dictionary<string, string> Settings(string? format)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "portal.db")}",
            ["Database:MigrateOnStartup"] = "true",
            ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys"),
            ["Outbox:WorkerEnabled"] = "false",
            ["Logging:MinimumLevel"] = "Information",
        };
        if (format is not null) settings["Logging:Format"] = format;
        return settings;
    }

    [Fact]
    public async Task Text_is_the_default_and_the_request_line_reads_as_a_sentence()
    {
        await using var portal = await PortalProcess.StartAsync("text", Settings(format: null), AppContext.BaseDirectory);

        var line = await WaitForLineAsync(portal, l => l.Contains("HTTP GET /healthz responded 200", StringComparison.Ordinal));

        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] HTTP GET /healthz responded 200 in [0-9.]+ ms, user -, request \S+$", line);
    }

    [Fact]
    public async Task Json_writes_one_parseable_object_per_line_and_the_request_line_holds_route_status_and_user()
    {
        var secret = Guid.NewGuid().ToString("N");
        await using var portal = await PortalProcess.StartAsync("json", Settings("Json"), AppContext.BaseDirectory);
        using (var http = new HttpClient { BaseAddress = portal.Address })
            await http.GetAsync($"/healthz?who=someone-{secret}@example.gov");

        var line = await WaitForLineAsync(portal, l => l.Contains("\"RoutePattern\":\"/healthz\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\":200", StringComparison.Ordinal));

        var lines = portal.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, l =>
        {
            using var json = JsonDocument.Parse(l);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), $"No timestamp in {l}");
        });
        using var request = JsonDocument.Parse(line);
        Assert.Equal("GET", request.RootElement.GetProperty("RequestMethod").GetString());
        Assert.Equal("-", request.RootElement.GetProperty("UserId").GetString());
        Assert.False(string.IsNullOrEmpty(request.RootElement.GetProperty("RequestId").GetString()));
        Assert.DoesNotContain(secret, portal.Output, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("MayorsNetwork is running at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_writes_out_its_log_before_the_process_ends()
    {
        // migrate on a new database logs the migrations it applies, through the asynchronous sink, then exits at once.
        var (exitCode, output) = await PortalProcess.RunCommandAsync(Settings("Json"), "migrate");

        Assert.True(exitCode == 0, output);
        var applying = output.Split('\n').Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonDocument.Parse(l))
            .Where(j => j.RootElement.TryGetProperty("@mt", out var mt) && mt.GetString()!.StartsWith("Applying", StringComparison.Ordinal))
            .ToList();
        Assert.Single(applying);
        Assert.Contains("The database is up to date.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_requests_writes_every_request_line_whole_and_none_lost()
    {
        // The sink writes a burst of events at once: each line must still arrive, whole, and soon.
        var settings = Settings(format: null);
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        await using var portal = await PortalProcess.StartAsync("burst", settings, AppContext.BaseDirectory);
        const int Requests = 300;
        using (var http = new HttpClient { BaseAddress = portal.Address })
        {
            // In Production a page answers plain HTTP only from a known proxy that says the visitor used HTTPS.
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i => (await http.GetAsync($"/committees?n={i}")).EnsureSuccessStatusCode().Dispose()));
        }

        List<string> RequestLines() => portal.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("HTTP GET /Committees ", StringComparison.Ordinal)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var lines = RequestLines();
        while (lines.Count < Requests && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            lines = RequestLines();
        }

        Assert.Equal(Requests, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] HTTP GET /Committees responded 200 in [0-9.]+ ms, user -, request \S+$", l));
        Assert.Equal(Requests, lines.Distinct().Count());
    }

    private static async Task<string> WaitForLineAsync(PortalProcess portal, Func<string, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var match = portal.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(predicate);
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No such line in the portal's output: {portal.Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

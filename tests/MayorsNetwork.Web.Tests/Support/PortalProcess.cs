using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// The portal as a real process (`dotnet MayorsNetwork.Web.dll`, the build copied next to the test assembly)
/// listening on a free port of 127.0.0.1 only, configured through environment variables as a server would be.
/// Killed, with anything it started, when disposed.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private PortalProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the portal printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The portal's build next to the test assembly (the test project references the web project).</summary>
    public static string WebAssembly => Path.Combine(AppContext.BaseDirectory, "MayorsNetwork.Web.dll");

    /// <summary>The web project's folder (with wwwroot), found upwards from the test assembly.</summary>
    public static string WebProjectFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "MayorsNetwork.Web");
                if (File.Exists(Path.Combine(candidate, "MayorsNetwork.Web.csproj"))) return candidate;
            }

            throw new InvalidOperationException($"src/MayorsNetwork.Web not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Starts a portal and waits until /healthz says Healthy.</summary>
    public static async Task<PortalProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string contentRoot)
    {
        var port = SmtpSink.FreePort();
        var process = Start(settings, contentRoot, ["--urls", $"http://127.0.0.1:{port}"]);
        var portal = new PortalProcess(name, process, port);
        portal.Capture();
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    /// <summary>Runs one of the portal's commands (migrate, create-admin) to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> settings, params string[] command)
    {
        using var process = Start(settings, AppContext.BaseDirectory, command);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', command)}` did not finish within 90 seconds.");
        }

        return (process.ExitCode, await output + await error);
    }

    private static Process Start(IReadOnlyDictionary<string, string> settings, string contentRoot, IEnumerable<string> arguments)
    {
        if (!File.Exists(WebAssembly)) throw new InvalidOperationException($"The portal's build is not at {WebAssembly}; build the test project first.");
        // The test host's own dotnet (the SDK sets DOTNET_HOST_PATH for the processes it runs).
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        psi.ArgumentList.Add(WebAssembly);
        // A command (migrate, create-admin) must come first, before any option.
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(contentRoot);
        // Nothing inherited from the test host decides how the portal runs: only what is set here.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        // In Production the portal answers only to PublicUrl's host; these processes are reached at 127.0.0.1.
        psi.Environment["Membership__PublicUrl"] = "https://127.0.0.1";
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private void Capture()
    {
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Portal {Name} exited with code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {Output}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync() == "Healthy") return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Portal {Name} was not healthy on {Address} within 60 seconds: {Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a pulled plug would: nothing is finished or cleaned up.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Bench;

/// <summary>One page measured (or why it was not).</summary>
public sealed record PageRun(string Page, string Path, WrkResult? Result, string? NotMeasured);

/// <summary>One size on one database: what was seeded, each page, and the portal's peak memory.</summary>
public sealed record ConfigRun(int Size, DatabaseProvider Provider, SeedReport? Seed, long PeakRss, IReadOnlyList<PageRun> Pages, string? Failed);

/// <summary>The machine the figures come from.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, string Wrk, string LoadAtStart)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores ({Cpu}), {MemoryGiB:0.0} GiB memory, {Os}, {Runtime}, {Wrk}; load average at start {LoadAtStart}");

    public static Machine Describe()
    {
        var cpu = ProcLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ProcLine("/proc/meminfo", "MemTotal:") is { } m ? double.Parse(m.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) : 0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        var wrk = Processes.Capture("wrk", ["-v"]).Split('\n')[0].Split('[')[0].Trim();
        return new Machine(Environment.ProcessorCount, cpu, memKb / 1048576, os, RuntimeInformation.FrameworkDescription, wrk, Load());
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? ProcLine(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}

public static class Processes
{
    /// <summary>Runs a command to completion with its output in a log file; returns the exit code.</summary>
    public static async Task<int> RunToLogAsync(string file, string[] args, string workingDirectory, IReadOnlyDictionary<string, string> environment, string log, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await File.WriteAllTextAsync(log, await output + await error);
        return process.HasExited ? process.ExitCode : -1;
    }

    /// <summary>Runs a command and returns its output (standard output and error); the output is echoed line by line.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var process = new Process { StartInfo = psi };
        var lines = new List<string>();
        void Line(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            Console.WriteLine("    " + e.Data);
        }

        process.OutputDataReceived += Line;
        process.ErrorDataReceived += Line;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (lines) lines.Add($"(stopped after {timeout.TotalMinutes:0} minutes)");
            return (-1, string.Join('\n', lines));
        }

        await process.WaitForExitAsync();
        lock (lines) return (process.ExitCode, string.Join('\n', lines));
    }

    public static string Capture(string file, string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{file} not found";
        }
    }
}

/// <summary>Checks and discovers the pages to measure.</summary>
public static partial class Pages
{
    /// <summary>Sent on every request, as a TLS-terminating proxy would (the portal believes it from 127.0.0.1 only).</summary>
    public const string ForwardedProto = "X-Forwarded-Proto";

    private static readonly HttpClient Http = NewClient();

    private static HttpClient NewClient()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ForwardedProto, "https");
        return http;
    }

    /// <summary>Null when the page answers 200 with a body; otherwise why it is not measured.</summary>
    public static async Task<string?> CheckAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Length > 0 ? null : $"not measured: GET answered {(int)response.StatusCode}";
    }

    /// <summary>The member directory's first and last pages: BENCH_DIRECTORY_URL, or /members and its pager ("Page 1 of N", ?p=).</summary>
    public static async Task<(string? First, string? Last, string Why)> DiscoverDirectoryAsync(string baseUrl)
    {
        if (Environment.GetEnvironmentVariable("BENCH_DIRECTORY_URL") is { Length: > 0 } configured)
            return (configured, Environment.GetEnvironmentVariable("BENCH_DIRECTORY_LAST_URL") is { Length: > 0 } last ? last : null, "");
        using var response = await Http.GetAsync(baseUrl + "/members");
        if (response.StatusCode != HttpStatusCode.OK)
            return (null, null, $"not available: GET /members answered {(int)response.StatusCode} (the public member directory)");
        var html = await response.Content.ReadAsStringAsync();
        var pages = PageCount().Match(html);
        var next = NextLink().Match(html);
        if (!pages.Success || !next.Success) return ("/members", null, "");
        var count = int.Parse(pages.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var href = WebUtility.HtmlDecode(next.Groups[1].Value);
        var lastHref = Regex.Replace(href, @"([?&](?:p|page)=)2\b", m => m.Groups[1].Value + count.ToString(CultureInfo.InvariantCulture));
        return ("/members", lastHref, "");
    }

    /// <summary>A resolution's results page: BENCH_RESULTS_URL, or the first link to results on /resolutions.</summary>
    public static async Task<(string? Path, string Why)> DiscoverResultsAsync(string baseUrl)
    {
        if (Environment.GetEnvironmentVariable("BENCH_RESULTS_URL") is { Length: > 0 } configured) return (configured, "");
        using var response = await Http.GetAsync(baseUrl + "/resolutions");
        if (response.StatusCode != HttpStatusCode.OK)
            return (null, $"not available: GET /resolutions answered {(int)response.StatusCode} (resolutions and voting come from the voting issue)");
        var html = await response.Content.ReadAsStringAsync();
        var link = ResultsLink().Match(html);
        return link.Success
            ? (WebUtility.HtmlDecode(link.Groups[1].Value), "")
            : (null, "not available: /resolutions links to no results page (no resolution with ballots seeded; see Seeder step 3)");
    }

    [GeneratedRegex(@"Page\s+1\s+of\s+([\d,]+)")]
    private static partial Regex PageCount();

    [GeneratedRegex(@"href=""(/members[^""]*[?&](?:amp;)?(?:p|page)=2\b[^""]*)""")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"href=""(/resolutions/[^""]*results[^""]*)""")]
    private static partial Regex ResultsLink();
}

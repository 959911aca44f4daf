using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MayorsNetwork.Bench;

/// <summary>One wrk measurement: requests per second, latency percentiles, and what went wrong.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors, string Raw)
{
    public bool Clean => Non2xx == 0 && SocketErrors == 0 && Requests > 0;
}

public static partial class Wrk
{
    /// <summary>
    /// Runs wrk with --latency against a loopback address; two threads (the machine's cores), <paramref name="connections"/>
    /// connections; each request says it came through a TLS-terminating proxy (X-Forwarded-Proto: https), as the bench's
    /// portal is configured to believe from 127.0.0.1.
    /// </summary>
    public static async Task<WrkResult> RunAsync(string url, int connections, int seconds, CancellationToken cancellationToken = default)
    {
        if (!new Uri(url).IsLoopback) throw new InvalidOperationException($"The bench only measures loopback addresses, not {url}.");
        var threads = Math.Max(1, Math.Min(Environment.ProcessorCount, connections));
        var psi = new ProcessStartInfo("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", "10s", "--latency", "-H", $"{Pages.ForwardedProto}: https", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output + await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {text}");
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        double rps = Number(RpsLine().Match(text));
        var p50 = Duration(Percentile(text, "50%"));
        var p99 = Duration(Percentile(text, "99%"));
        var requests = (long)Number(RequestsLine().Match(text));
        var non2xx = (long)Number(Non2xxLine().Match(text));
        var socket = SocketLine().Match(text);
        long socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture)) : 0;
        // No request finished within the run: the latency is longer than the run, not zero.
        if (requests == 0) (p50, p99) = (double.PositiveInfinity, double.PositiveInfinity);
        return new WrkResult(rps, p50, p99, requests, non2xx, socketErrors, text);
    }

    private static string Percentile(string text, string label)
    {
        var m = Regex.Match(text, @"^\s*" + Regex.Escape(label) + @"\s+(\S+)\s*$", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : "";
    }

    private static double Number(Match m) => m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>wrk's durations ("812.00us", "1.23ms", "2.01s", "1.5m") in milliseconds.</summary>
    public static double Duration(string text)
    {
        var m = DurationText().Match(text);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => double.NaN,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketLine();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m)$")]
    private static partial Regex DurationText();
}

using System.Globalization;
using System.Text.RegularExpressions;
using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Bench;

/// <summary>The invoice run's figures, read from InvoiceBench's output.</summary>
public sealed record InvoiceResult(double? PdfPerSecond, double? PdfKb, double? IssuedSeconds, double? RunSeconds, string? Delivery, double? PeakMb, string Output, int Exit);

/// <summary>The invoice run: bench/InvoiceBench (issue 3), 1,400 members on SQLite, real SMTP server (aiosmtpd).</summary>
public static partial class InvoiceRun
{
    public static async Task<InvoiceResult> RunAsync(string root, string work)
    {
        Console.WriteLine("Invoice run (bench/InvoiceBench, 1,400 members, SQLite, real SMTP)");
        var dll = Path.Combine(root, "bench", "InvoiceBench", "bin", "Release", "net10.0", "InvoiceBench.dll");
        var (exit, output) = await Processes.RunAsync("dotnet", [dll, "--members", "1400", "--provider", "Sqlite"], root, null, TimeSpan.FromMinutes(12));
        await File.WriteAllTextAsync(Path.Combine(work, "invoice-run.log"), output);
        var pdf = PdfLine().Match(output);
        var run = RunLine().Match(output);
        double? D(Match m, int g) => m.Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : null;
        return new InvoiceResult(D(pdf, 1), D(pdf, 2), D(run, 1), D(run, 2), run.Success ? run.Groups[3].Value : null, D(run, 4), output, exit);
    }

    [GeneratedRegex(@"PDF rendering: ([\d.]+) invoices/s on one thread; ([\d.]+) KB each")]
    private static partial Regex PdfLine();

    [GeneratedRegex(@"issued in ([\d.]+) s; all \d+ emails received in ([\d.]+) s \(([^)]*)\); peak working set ([\d.]+) MB")]
    private static partial Regex RunLine();
}

/// <summary>The vote storm's output per database, or why it did not run.</summary>
public sealed record VoteStormResult(string Provider, int Exit, string Output);

/// <summary>
/// The vote storm: bench/VoteStorm is run for each database as
/// <c>dotnet run -c Release --project bench/VoteStorm -- --delegates 1400 --provider Sqlite|Postgres</c>
/// and its output is copied into RESULTS.md (VoteStorm also writes its own section there).
/// </summary>
public static class VoteStorm
{
    public static async Task<(IReadOnlyList<VoteStormResult> Runs, string? NotAvailable)> RunAsync(string root, string work, IEnumerable<DatabaseProvider> providers, string? postgres)
    {
        var project = Directory.GetDirectories(Path.Combine(root, "bench"), "*Vote*")
            .SelectMany(d => Directory.GetFiles(d, "*.csproj")).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        if (project is null)
        {
            Console.WriteLine("Vote storm: not available (no bench/VoteStorm project yet)");
            return ([], "not available: no bench/VoteStorm project yet (it comes with the voting issue)");
        }

        var runs = new List<VoteStormResult>();
        // The vote storm takes Sqlite or Postgres; SQL Server runs only the read paths (no SQL Server here to measure it on).
        foreach (var provider in providers.Where(p => p != DatabaseProvider.SqlServer))
        {
            Console.WriteLine($"Vote storm ({Path.GetRelativePath(root, project)}, 1,400 delegates, {provider})");
            var environment = postgres is null ? null : new Dictionary<string, string> { ["MAYORSNETWORK_TEST_POSTGRES"] = postgres };
            var (exit, output) = await Processes.RunAsync("dotnet",
                ["run", "-c", "Release", "--project", project, "--", "--delegates", "1400", "--provider", provider.ToString()], root, environment, TimeSpan.FromMinutes(5));
            await File.WriteAllTextAsync(Path.Combine(work, $"vote-storm-{provider.ToString().ToLowerInvariant()}.log"), output);
            runs.Add(new VoteStormResult(provider.ToString(), exit, output));
        }

        return (runs, null);
    }
}

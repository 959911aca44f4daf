using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MayorsNetwork.Bench;

/// <summary>The run's section of RESULTS.md: the machine, the table against issue 6's targets, and the details.</summary>
public sealed partial record Report(
    Machine Machine,
    DateTime AtUtc,
    WrkResult ReferenceStart,
    WrkResult ReferenceEnd,
    IReadOnlyList<ConfigRun> Runs,
    InvoiceResult? Invoice,
    (IReadOnlyList<VoteStormResult> Runs, string? NotAvailable) VoteStorm,
    TimeSpan Took,
    TimeSpan Build,
    int Seconds,
    int Connections,
    int SeatsPerBody)
{
    public const string Start = "<!-- bench:run:start (written by bench/run.sh; the text outside these markers is kept) -->";
    public const string End = "<!-- bench:run:end -->";
    private const string EarlierHeading = "### Earlier full runs";
    private const double ShareTarget = 0.15;
    private const double PublicP99Target = 25;
    private const double DirectoryP99Target = 50;
    private const double InvoiceTarget = 30;
    private const double MemoryTargetMb = 300;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public double ReferenceRps => (ReferenceStart.RequestsPerSecond + ReferenceEnd.RequestsPerSecond) / 2;

    private IEnumerable<(ConfigRun Run, PageRun Page, WrkResult Result)> Measured =>
        from r in Runs from p in r.Pages where p.Result is not null select (r, p, p.Result!);

    private static string Config(ConfigRun r) => string.Create(Inv, $"{r.Provider}, {r.Size:N0}");

    private static string Mb(long bytes) => string.Create(Inv, $"{bytes / 1048576.0:0} MB");

    private static string F(FormattableString s) => string.Create(Inv, $"{s}");

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Start);
        md.AppendLine(F($"## Full run — {AtUtc:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine();
        md.AppendLine(F($"Machine: {Machine.Summary}; load average at the end {Machine.Load()}."));
        md.AppendLine(F($"Command: `bench/run.sh`, {Took.TotalMinutes:0.0} minutes in all ({Build.TotalSeconds:0} s of it the Release build). wrk: {Math.Min(Machine.Cores, Connections)} threads, {Connections} connections, {Seconds} s per page after a {Math.Max(2, Seconds / 3)} s warm-up."));
        md.AppendLine(F($"Reference (`bench/Reference`, a small fixed HTML page): {ReferenceStart.RequestsPerSecond:N0} req/s at the start, {ReferenceEnd.RequestsPerSecond:N0} at the end; their mean, {ReferenceRps:N0} req/s, is 100% below (p50 {ReferenceStart.P50Ms:0.00} ms, p99 {ReferenceStart.P99Ms:0.00} ms at the start)."));
        md.AppendLine();
        md.AppendLine(Summary());
        md.AppendLine();
        md.AppendLine("### Against the targets (issue 6)");
        md.AppendLine();
        md.AppendLine("| what | target | measured (worst case) | met? | by how much |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var page in new[] { "home", "dues", "roster", "results" }) md.AppendLine(PublicPageRow(page));
        md.AppendLine(DirectoryRow());
        md.AppendLine(VoteStormRow());
        md.AppendLine(InvoiceRow());
        md.AppendLine(MemoryRow());
        md.AppendLine();
        md.AppendLine("### Read paths");
        md.AppendLine();
        md.AppendLine("| size | database | page | path | req/s | share of reference | p50 | p99 | errors |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        md.AppendLine(F($"| — | — | reference | / | {ReferenceRps:N0} | 100% | {ReferenceStart.P50Ms:0.00} ms | {ReferenceStart.P99Ms:0.00} ms | {Errors(ReferenceStart)} |"));
        foreach (var r in Runs)
        {
            if (r.Failed is not null) md.AppendLine(F($"| {r.Size:N0} | {r.Provider} | — | — | — | — | — | — | run failed: {r.Failed} |"));
            foreach (var p in r.Pages)
            {
                md.AppendLine(p.Result is { } w
                    ? F($"| {r.Size:N0} | {r.Provider} | {p.Page} | `{p.Path}` | {w.RequestsPerSecond:N0} | {w.RequestsPerSecond / ReferenceRps:0.0%} | {w.P50Ms:0.00} ms | {w.P99Ms:0.00} ms | {Errors(w)} |")
                    : F($"| {r.Size:N0} | {r.Provider} | {p.Page} | {(p.Path.Length > 0 ? $"`{p.Path}`" : "—")} | — | — | — | — | {p.NotMeasured} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("### Seeding and memory");
        md.AppendLine();
        md.AppendLine(F($"Every government is a member (85% Active with this year's invoice paid, 15% Invoiced and due in 25 days); each body has up to {SeatsPerBody} current seats and a quarter as many ended ones. Seeded after the portal's own `migrate` with multi-row INSERTs built from PortalDbContext's model (tables, columns, conversions), in one transaction: `bench/Runner/Seeder.cs`."));
        md.AppendLine();
        md.AppendLine("| size | database | governments and memberships | invoices | seats (current + ended) | ballots | seeded in | portal peak RSS (VmHWM) |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Runs.Where(r => r.Seed is not null))
        {
            var s = r.Seed!;
            md.AppendLine(F($"| {r.Size:N0} | {r.Provider} | {s.Governments:N0} | {s.Invoices:N0} | {s.CurrentSeats:N0} + {s.PastSeats:N0} | {s.Ballots} | {s.Elapsed.TotalSeconds:0.0} s | {Mb(r.PeakRss)} |"));
        }

        md.AppendLine();
        md.AppendLine("### Invoice run");
        md.AppendLine();
        if (Invoice is null) md.AppendLine("Not run (--no-invoices).");
        else
        {
            md.AppendLine(F($"`bench/InvoiceBench --members 1400 --provider Sqlite` (exit {Invoice.Exit}); its peak working set is of one process hosting the portal (in-memory test host) and the bench:"));
            md.AppendLine();
            md.AppendLine("```");
            foreach (var line in Invoice.Output.Split('\n').Where(l => l.StartsWith("PDF", StringComparison.Ordinal) || l.StartsWith("Invoice run", StringComparison.Ordinal) || l.StartsWith("Unhandled", StringComparison.Ordinal)).Take(10))
                md.AppendLine(line.TrimEnd());
            md.AppendLine("```");
        }

        md.AppendLine();
        md.AppendLine("### Vote storm");
        md.AppendLine();
        if (VoteStorm.NotAvailable is { } why) md.AppendLine(char.ToUpperInvariant(why[0]) + why[1..] + ".");
        foreach (var v in VoteStorm.Runs)
        {
            md.AppendLine(F($"{v.Provider} (exit {v.Exit}), last lines of its output:"));
            md.AppendLine();
            md.AppendLine("```");
            foreach (var line in v.Output.Split('\n').Where(l => !l.StartsWith("portal: ", StringComparison.Ordinal)).TakeLast(8)) md.AppendLine(line.TrimEnd());
            md.AppendLine("```");
            md.AppendLine();
        }

        md.AppendLine();
        md.AppendLine("### Notes");
        md.AppendLine();
        var load = double.TryParse(Machine.LoadAtStart.Split(' ')[0], NumberStyles.Float, Inv, out var l) ? l : 0;
        if (load > Machine.Cores)
            md.AppendLine(F($"- **The machine was busy** (load average {load:0.0} on {Machine.Cores} cores at the start, {Machine.Load().Split(' ')[0]} at the end): these figures are indicative only and much lower than on a quiet machine. Rerun `bench/run.sh` when nothing else runs."));
        md.AppendLine("- The portal runs as in production: Release build, environment Production, configuration from environment variables, `migrate` first, its request log at Information (one line per request, to a file). wrk, the portal and its database share the machine's cores, as the reference and wrk do.");
        md.AppendLine("- A page's share is its requests per second over the reference's mean in the same run. A page that does not answer 200 is marked not available, with the status it gave.");
        md.AppendLine("- Logs, wrk's raw output and the SQLite files of the last run are in `bench/out/` (ignored by git, emptied at the start of each run); PostgreSQL databases `mn_bench_<size>` are created fresh and dropped after each run.");
        md.AppendLine(End);
        return md.ToString();
    }

    /// <summary>One line for the "earlier runs" list when the next run replaces this one.</summary>
    public string Summary()
    {
        var parts = new List<string> { F($"reference {ReferenceRps:N0} req/s") };
        foreach (var page in new[] { "home", "dues", "roster", "directory, last page", "results" })
        {
            var worst = Measured.Where(m => m.Page.Page == page).OrderBy(m => m.Result.RequestsPerSecond).FirstOrDefault();
            if (worst.Result is not null) parts.Add(F($"{page} {worst.Result.RequestsPerSecond / ReferenceRps:0.0%} / p99 {worst.Result.P99Ms:0.0} ms ({Config(worst.Run)})"));
        }

        if (Invoice?.RunSeconds is { } s) parts.Add(F($"invoice run {s:0.0} s"));
        var peak = Runs.Max(r => (long?)r.PeakRss) ?? 0;
        if (peak > 0) parts.Add(F($"peak RSS {Mb(peak)}"));
        return F($"Summary, {AtUtc:yyyy-MM-dd HH:mm} UTC (worst of each page): {string.Join("; ", parts)}.");
    }

    private string PublicPageRow(string page)
    {
        var target = F($"≥ {ShareTarget:0%} of the reference's req/s; p99 ≤ {PublicP99Target:0} ms");
        var measured = Measured.Where(m => m.Page.Page == page).ToList();
        if (measured.Count == 0)
        {
            var why = Runs.SelectMany(r => r.Pages).FirstOrDefault(p => p.Page == page)?.NotMeasured ?? "not measured";
            return $"| {page}, 64 connections | {target} | {why} | not measured | — |";
        }

        var slowest = measured.MinBy(m => m.Result.RequestsPerSecond);
        var worstP99 = measured.MaxBy(m => m.Result.P99Ms);
        var share = slowest.Result.RequestsPerSecond / ReferenceRps;
        var shareMet = share >= ShareTarget;
        var p99Met = worstP99.Result.P99Ms <= PublicP99Target;
        var how = new List<string>();
        how.Add(shareMet
            ? F($"share {(share - ShareTarget) * 100:0.0} points above")
            : F($"share {(ShareTarget - share) * 100:0.0} points short (needs {ShareTarget * ReferenceRps:N0} req/s, ×{ShareTarget * ReferenceRps / slowest.Result.RequestsPerSecond:0.0})"));
        how.Add(p99Met ? F($"p99 {PublicP99Target - worstP99.Result.P99Ms:0.0} ms under") : F($"p99 {worstP99.Result.P99Ms - PublicP99Target:0.0} ms over (×{worstP99.Result.P99Ms / PublicP99Target:0.0})"));
        return F($"| {page}, 64 connections | {target} | {share:0.0%} ({slowest.Result.RequestsPerSecond:N0} req/s, {Config(slowest.Run)}); p99 {worstP99.Result.P99Ms:0.0} ms ({Config(worstP99.Run)}) | {(shareMet && p99Met ? "met" : "missed")} | {string.Join("; ", how)} |");
    }

    private string DirectoryRow()
    {
        var target = F($"p99 ≤ {DirectoryP99Target:0} ms");
        var measured = Measured.Where(m => m.Run.Size >= 90_000 && m.Page.Page.StartsWith("directory", StringComparison.Ordinal)).ToList();
        if (measured.Count == 0)
        {
            var why = Runs.SelectMany(r => r.Pages).FirstOrDefault(p => p.Page.StartsWith("directory", StringComparison.Ordinal))?.NotMeasured ?? "not measured (no 90,000 run)";
            return $"| member directory at 90,000 governments, any page | {target} | {why} | not measured | — |";
        }

        var worst = measured.MaxBy(m => m.Result.P99Ms);
        var met = worst.Result.P99Ms <= DirectoryP99Target;
        return F($"| member directory at 90,000 governments, any page | {target} | p99 {worst.Result.P99Ms:0.0} ms ({worst.Page.Page}, {worst.Run.Provider}; {worst.Result.RequestsPerSecond:N0} req/s) | {(met ? "met" : "missed")} | {(met ? F($"{DirectoryP99Target - worst.Result.P99Ms:0.0} ms under") : F($"{worst.Result.P99Ms - DirectoryP99Target:0.0} ms over"))} |");
    }

    private string VoteStormRow()
    {
        const string what = "| vote storm, 1,400 delegates, both databases | all recorded within 1 s; p99 ≤ 250 ms; exactly 1,400 ballots |";
        if (VoteStorm.NotAvailable is { } why) return $"{what} {why} | not measured | — |";
        // VoteStorm prints one line per vote: "Vote storm (SQLite, first vote after start): 1,400 casts in 3176 ms wall; cast latency p50 .. ms, p99 .. ms, ...; 1,400 ballots in the database; ... OK".
        var storms = VoteStorm.Runs.SelectMany(v => v.Output.Split('\n'))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^Vote storm \((?<db>[^,)]+)(, (?<vote>[^)]+))?\): [\d,]+ casts in (?<wall>\d+) ms wall; cast latency p50 (?<p50>\d+) ms, p99 (?<p99>\d+) ms.*?; (?<ballots>[\d,]+) ballots in the database.*; (?<ok>OK|FAILED)\s*$"))
            .Where(m => m.Success)
            .Select(m => (Db: m.Groups["db"].Value, Vote: m.Groups["vote"].Value, Wall: int.Parse(m.Groups["wall"].Value, CultureInfo.InvariantCulture),
                P99: int.Parse(m.Groups["p99"].Value, CultureInfo.InvariantCulture), Ballots: m.Groups["ballots"].Value, Ok: m.Groups["ok"].Value == "OK"))
            .ToList();
        if (storms.Count == 0)
            return $"{what} {string.Join("; ", VoteStorm.Runs.Select(v => $"{v.Provider}: exit {v.Exit}, no result line (see its output below)"))} | not measured | — |";
        var measured = string.Join("; ", storms.Select(x => F($"{x.Db} {x.Vote}: {x.Wall / 1000.0:0.00} s, p99 {x.P99} ms, {x.Ballots} ballots{(x.Ok ? "" : " (FAILED)")}")));
        var allMet = storms.All(x => x.Ok && x.Wall <= 1000 && x.P99 <= 250);
        var worst = storms.MaxBy(x => x.Wall);
        return $"{what} {measured} | {(allMet ? "met" : "missed")} | {(allMet ? "—" : F($"worst {worst.Db} {worst.Vote}: {worst.Wall / 1000.0:0.00} s of 1 s (×{worst.Wall / 1000.0:0.0}), p99 {worst.P99} ms of 250 ms"))} |";
    }

    private string InvoiceRow()
    {
        const string what = "| invoice run, 1,400 members, real SMTP server | ≤ 30 s |";
        if (Invoice?.RunSeconds is not { } s) return $"{what} {(Invoice is null ? "not run" : F($"no result (exit {Invoice.Exit}); see bench/out/invoice-run.log"))} | not measured | — |";
        var met = s <= InvoiceTarget;
        return F($"{what} {s:0.0} s (SQLite; {Invoice.IssuedSeconds:0.0} s issuing; {Invoice.Delivery}) | {(met ? "met" : "missed")} | {(met ? F($"{InvoiceTarget - s:0.0} s under") : F($"{s - InvoiceTarget:0.0} s over ({(s - InvoiceTarget) / InvoiceTarget:0%})"))} |");
    }

    private string MemoryRow()
    {
        const string what = "| peak memory of one portal process during the run | ≤ 300 MB |";
        var measured = Runs.Where(r => r.PeakRss > 0).ToList();
        if (measured.Count == 0) return $"{what} not measured | not measured | — |";
        var worst = measured.MaxBy(r => r.PeakRss)!;
        var readMb = worst.PeakRss / 1048576.0;
        // The vote storm's portal too: "Vote storm (...): ... portal peak RSS 410 MB; OK".
        var storm = VoteStorm.Runs.SelectMany(v => v.Output.Split('\n'))
            .Select(l => Regex.Match(l, @"^Vote storm \((?<what>[^)]+)\):.*portal peak RSS (?<mb>\d+) MB"))
            .Where(m => m.Success).Select(m => (What: m.Groups["what"].Value, Mb: double.Parse(m.Groups["mb"].Value, CultureInfo.InvariantCulture)))
            .OrderByDescending(x => x.Mb).FirstOrDefault();
        var mb = Math.Max(readMb, storm.Mb);
        var met = mb <= MemoryTargetMb;
        var where = storm.Mb > readMb ? F($"vote storm, {storm.What}; the read paths' worst {readMb:0} MB ({Config(worst)})") : F($"{Config(worst)}; the vote storm's worst {storm.Mb:0} MB");
        return F($"{what} {mb:0} MB RSS ({where}); each portal process's VmHWM over its whole run | {(met ? "met" : "missed")} | {(met ? F($"{MemoryTargetMb - mb:0} MB under") : F($"{mb - MemoryTargetMb:0} MB over"))} |");
    }

    private static string Errors(WrkResult w) =>
        w.Requests == 0 ? "no request finished within the run" : w.Clean ? "none" : F($"{w.Non2xx:N0} non-2xx, {w.SocketErrors:N0} socket errors");

    /// <summary>
    /// Puts the run's section into RESULTS.md: replaces the previous run's section (whose summary line moves
    /// to "Earlier full runs"), or goes after the title the first time. Everything else is kept as it is.
    /// </summary>
    public static string Merge(string existing, string section)
    {
        var earlier = new List<string>();
        string before, after;
        if (MarkedSection.Find(existing, Start, End) is { } previous)
        {
            var old = previous.Inside;
            if (SummaryLine().Match(old) is { Success: true } summary) earlier.Add("- " + summary.Value.Trim());
            var list = old.IndexOf(EarlierHeading, StringComparison.Ordinal);
            if (list >= 0) earlier.AddRange(old[list..].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l.TrimEnd()));
            before = previous.Before;
            after = previous.After.TrimStart('\n');
        }
        else
        {
            var title = existing.StartsWith("# ", StringComparison.Ordinal) ? existing.IndexOf('\n') + 1 : 0;
            before = title > 0 ? existing[..title] + "\n" : "# Results\n\n";
            after = existing[title..].TrimStart('\n');
        }

        if (earlier.Count > 0)
        {
            section = section.Replace(End, $"\n{EarlierHeading}\n\n{string.Join('\n', earlier)}\n{End}", StringComparison.Ordinal);
        }

        return before + section + "\n" + after;
    }

    [GeneratedRegex(@"^Summary, .*$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}

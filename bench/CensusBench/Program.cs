using System.Diagnostics;
using System.Globalization;
using System.Text;
using MayorsNetwork.Bench;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Staff.Populations;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/CensusBench [-- --governments 90000 --provider Sqlite|Postgres --runs 5]
// Target (issue 14): "a census preview of 90,000 governments renders in under 2 s". Seeds N Active member governments
// (populations spread like U.S. local governments, 500 to 4 million) and a next-year figure for each (within ±4%, so
// that a few hundred cross a bracket), then times, in the portal hosted in this process (the test host, no network):
// (1) CensusFigures.PreviewAsync alone (the database reads and 2 × N dues quotes); (2) GET /staff/populations as a
// signed-in staff member (service + Razor rendering of the totals, the chart and the first 100 members), whole
// response read; (3) the dry run of a CSV of all N figures (POST /staff/populations/upload: parse, match, preview).
var governments = Arg("--governments", 90_000);
var provider = Arg("--provider", "Sqlite");
var runs = Arg("--runs", 5);
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB; load {File.ReadAllText("/proc/loadavg").Trim()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MAYORSNETWORK_WEB",
    Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MayorsNetwork.Web")));
PortalFixture portal = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? new PostgresPortal() : new SqlitePortal();
await portal.InitializeAsync();
try
{
    var seedWatch = Stopwatch.StartNew();
    var csv = await SeedAsync(portal, governments);
    Console.WriteLine(string.Create(inv, $"Seeded {governments:N0} Active members and {governments:N0} next-year figures ({provider}) in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

    // 1. The service alone.
    var service = new List<double>();
    for (var i = 0; i < runs + 1; i++)
    {
        await portal.WithScopeAsync(async sp =>
        {
            var w = Stopwatch.StartNew();
            var preview = await sp.GetRequiredService<CensusFigures>().PreviewAsync(null, CancellationToken.None);
            w.Stop();
            if (i > 0) service.Add(w.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine(string.Create(inv, $"Preview: {preview!.Totals.Members:N0} members, {preview.Totals.ChangeBracket:N0} change bracket, {preview.Totals.PayMore:N0} pay more, {preview.Totals.PayLess:N0} pay less; FY {preview.ThisFiscalYear} {MayorsNetwork.Domain.Money.Format(preview.Totals.TotalThisYear)} → FY {preview.NextFiscalYear} {MayorsNetwork.Domain.Money.Format(preview.Totals.TotalNextYear)}"));
        });
    }

    Console.WriteLine(Line("CensusFigures.PreviewAsync (service only)", service));

    // Where the service's time goes: the two reads, and the dues arithmetic (2 quotes a member) with the totals.
    var reads = new List<double>();
    var arithmetic = new List<double>();
    for (var i = 0; i < runs + 1; i++)
    {
        await portal.WithDbAsync(async db =>
        {
            var w = Stopwatch.StartNew();
            var members = await db.Memberships.AsNoTracking().Where(m => m.Status == MembershipStatus.Active)
                .Select(m => new { m.GovernmentId, m.Government.Name, m.Government.State, m.Government.NameKey, m.Government.Population }).ToListAsync();
            var figures = await db.PopulationFigures.AsNoTracking().Select(f => new { f.GovernmentId, f.FiscalYear, f.RecordedAtUtc, f.Id, f.Population }).ToListAsync();
            w.Stop();
            if (i > 0) reads.Add(w.Elapsed.TotalMilliseconds);
            var schedule = await db.DuesSchedules.AsNoTracking().OrderBy(s => s.FiscalYear).FirstAsync();
            var next = figures.ToDictionary(f => f.GovernmentId, f => f.Population);
            w.Restart();
            var comparisons = members.Select(m => DuesComparison.For(schedule.FiscalYear, m.Population, next[m.GovernmentId], schedule, null)).ToList();
            _ = DuesPreview.Build(comparisons, schedule, null);
            w.Stop();
            if (i > 0) arithmetic.Add(w.Elapsed.TotalMilliseconds);
        });
    }

    Console.WriteLine(Line("  of which reading members and figures (EF, no tracking)", reads));
    Console.WriteLine(Line("  of which 180,000 quotes and the bracket totals", arithmetic));

    // 2. The page, as staff open it.
    var staff = await portal.SignedInStaffAsync("Bench Staff");
    var page = new List<double>();
    long bytes = 0;
    for (var i = 0; i < runs + 1; i++)
    {
        var w = Stopwatch.StartNew();
        using var response = await staff.Http.GetAsync("/staff/populations");
        var body = await response.Content.ReadAsByteArrayAsync();
        w.Stop();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"/staff/populations answered {(int)response.StatusCode}.");
        bytes = body.Length;
        if (i > 0) page.Add(w.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine(Line(string.Create(inv, $"GET /staff/populations ({bytes / 1024.0:0} KB of HTML)"), page));

    // 3. The dry run of a CSV of every member's figure (one run: it stores a pending upload each time).
    var upload = Stopwatch.StartNew();
    var dryRun = await PopulationSeeds.UploadAsync(staff, "all-members.csv", Encoding.UTF8.GetBytes(csv));
    upload.Stop();
    var ok = dryRun.One("[data-testid=dry-run]") is not null;
    Console.WriteLine(string.Create(inv, $"POST /staff/populations/upload, dry run of {governments:N0} rows ({csv.Length / 1024.0 / 1024.0:0.0} MB): {upload.Elapsed.TotalMilliseconds:0} ms, {(ok ? "no errors, preview shown" : "FAILED: " + dryRun.Text[..Math.Min(300, dryRun.Text.Length)])}"));
    Console.WriteLine(string.Create(inv, $"Peak working set of this process (portal + bench): {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
}
finally
{
    await portal.DisposeAsync();
}

static string Line(string what, List<double> ms)
{
    ms.Sort();
    return string.Create(CultureInfo.InvariantCulture, $"{what}: median {ms[ms.Count / 2]:0} ms, fastest {ms[0]:0} ms, slowest {ms[^1]:0} ms over {ms.Count} runs (after one warm-up)");
}

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture) : fallback;
}

// Governments, Active memberships and one next-year figure each, bulk-inserted; returns the CSV of those figures.
static async Task<string> SeedAsync(PortalFixture portal, int count)
{
    var csv = new StringBuilder(PopulationCsv.Header + "\n", count * 40);
    await portal.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var next = await db.DuesSchedules.MaxAsync(s => s.FiscalYear) + 1;
        var random = new Random(14);
        var bulk = new BulkInsert(db);
        var types = (Government: db.Model.FindEntityType(typeof(Government))!, Membership: db.Model.FindEntityType(typeof(Membership))!,
            Figure: db.Model.FindEntityType(typeof(PopulationFigure))!);
        await using var tx = await db.Database.BeginTransactionAsync();
        const int batch = 2_000;
        for (var start = 0; start < count; start += batch)
        {
            var govs = new List<Government>(batch);
            var memberships = new List<Membership>(batch);
            var figures = new List<PopulationFigure>(batch);
            for (var i = start; i < Math.Min(start + batch, count); i++)
            {
                var name = $"Census City {i:D6}";
                var population = (int)Math.Round(500 * Math.Pow(8_000, random.NextDouble() * random.NextDouble()));
                var g = new Government
                {
                    Id = i + 1, Name = name, NameKey = Government.KeyFor(name), Kind = GovernmentKind.City, State = "TX", Population = population, CensusYear = 2020,
                    Mayor = new Contact { Name = $"Mayor {i}", Email = $"mayor{i}@bench.example.gov", Phone = "555-0100" },
                    Billing = new Contact { Name = $"Finance {i}", Email = $"billing{i}@bench.example.gov", Phone = "555-0101" },
                    Liaison = new Contact { Name = $"Liaison {i}", Email = $"liaison{i}@bench.example.gov", Phone = "555-0102" },
                    BillingAddress = "100 Main Street\nAustin, TX 78701",
                };
                var m = Membership.Apply(g, "bench", "Bench", now);
                m.Id = i + 1;
                m.GovernmentId = g.Id;
                m.ApplicantUserId = null;
                m.MoveTo(MembershipStatus.Approved, null, "Bench", "Approved", now);
                m.MoveTo(MembershipStatus.Invoiced, null, "Bench", "Invoiced", now);
                m.MoveTo(MembershipStatus.Active, null, "Bench", "Paid", now);
                var nextPopulation = Math.Max(1, (int)Math.Round(population * (0.96 + (random.NextDouble() * 0.08))));
                figures.Add(new PopulationFigure
                {
                    Id = i + 1, GovernmentId = g.Id, FiscalYear = next, Population = nextPopulation, CensusYear = 2025,
                    PreviousPopulation = population, RecordedAtUtc = now, RecordedBy = "Bench",
                });
                csv.Append(CultureInfo.InvariantCulture, $"{name},TX,{nextPopulation},2025\n");
                govs.Add(g);
                memberships.Add(m);
            }

            await bulk.InsertAsync(types.Government, govs);
            await bulk.InsertAsync(types.Membership, memberships);
            await bulk.InsertAsync(types.Figure, figures);
        }

        await bulk.ResetSequencesAsync(types.Government, types.Membership, types.Figure);
        await tx.CommitAsync();
    });
    return csv.ToString();
}

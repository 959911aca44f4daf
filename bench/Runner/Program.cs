using System.Diagnostics;
using System.Globalization;
using MayorsNetwork.Bench;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The bench command's driver; ../run.sh builds everything in Release and starts it. See ../README.md.
// Options: --sizes 1400,90000  --providers Sqlite,Postgres (or SqlServer)  --seconds 10  --connections 64  --seats-per-body 200
//          --no-invoices  --no-write (print the results, leave RESULTS.md alone)  --seed-only (seed, measure nothing; implies --no-write)
// Environment: BENCH_POSTGRES (default MAYORSNETWORK_TEST_POSTGRES, then the local test server),
//              BENCH_SQLSERVER (a SQL Server connection string whose login may create databases; never run here: no SQL Server),
//              BENCH_DIRECTORY_URL, BENCH_RESULTS_URL (paths to measure when they cannot be discovered).
var inv = CultureInfo.InvariantCulture;
var total = Stopwatch.StartNew();
var sizes = Option("--sizes", "1400,90000").Split(',').Select(s => int.Parse(s, inv)).ToArray();
var providers = Option("--providers", "Sqlite,Postgres").Split(',').Select(Enum.Parse<DatabaseProvider>).ToArray();
var seconds = int.Parse(Option("--seconds", "10"), inv);
var connections = int.Parse(Option("--connections", "64"), inv);
var seatsPerBody = int.Parse(Option("--seats-per-body", "200"), inv);
var runInvoices = !args.Contains("--no-invoices");
var write = !args.Contains("--no-write");
var seedOnly = args.Contains("--seed-only");
var warmUp = Math.Max(2, seconds / 3);

var root = Repository.Root();
var work = Path.Combine(root, "bench", "out");
if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
Directory.CreateDirectory(work);
var portalDir = Path.Combine(root, "src", "MayorsNetwork.Web");
var portalDll = Path.Combine(portalDir, "bin", "Release", "net10.0", "MayorsNetwork.Web.dll");
var referenceDll = Path.Combine(root, "bench", "Reference", "bin", "Release", "net10.0", "Reference.dll");
var postgres = PostgresServer();
var sqlServer = Environment.GetEnvironmentVariable("BENCH_SQLSERVER") is { Length: > 0 } configuredSqlServer ? configuredSqlServer : null;

var machine = Machine.Describe();
Console.WriteLine($"{machine.Summary}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// 1. The reference, at the start (and again at the end: the machine is shared, so the spread is shown).
var referenceStart = await MeasureReferenceAsync("start");

// 2. The portal's read paths at each size, on each database.
var runs = new List<ConfigRun>();
foreach (var size in sizes)
{
    foreach (var provider in providers)
    {
        if (provider == DatabaseProvider.Postgres && postgres is null)
        {
            runs.Add(new ConfigRun(size, provider, null, 0, [], "PostgreSQL server not configured or not reachable"));
            continue;
        }

        if (provider == DatabaseProvider.SqlServer && sqlServer is null)
        {
            runs.Add(new ConfigRun(size, provider, null, 0, [], "SQL Server not configured (BENCH_SQLSERVER)"));
            continue;
        }

        runs.Add(await MeasurePortalAsync(size, provider));
    }
}

if (seedOnly)
{
    // The databases are what was asked for; the invoice run and the vote storm measure other things.
    Console.WriteLine($"Seeded; the databases are under {work}");
    return 0;
}

// 3. The invoice run (issue 3's InvoiceBench), on SQLite with a real SMTP server.
var invoice = runInvoices ? await InvoiceRun.RunAsync(root, work) : null;

// 4. VOTE STORM: bench/VoteStorm is run here for each database with --delegates 1400 (see Steps.cs).
var voteStorm = await VoteStorm.RunAsync(root, work, providers, postgres);

var referenceEnd = await MeasureReferenceAsync("end");
total.Stop();

var build = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("BENCH_BUILD_SECONDS"), out var b) ? b : 0);
var report = new Report(machine, DateTime.UtcNow, referenceStart, referenceEnd, runs, invoice, voteStorm, total.Elapsed + build, build, seconds, connections, seatsPerBody);
var markdown = report.Markdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (write && !seedOnly)
{
    var results = Path.Combine(root, "bench", "RESULTS.md");
    await File.WriteAllTextAsync(results, Report.Merge(File.Exists(results) ? await File.ReadAllTextAsync(results) : "", markdown));
    Console.WriteLine($"Written to {results}; logs in {work}. {(total.Elapsed + build).TotalMinutes:0.0} minutes in all.");
}

return 0;

async Task<WrkResult> MeasureReferenceAsync(string when)
{
    Console.WriteLine($"Reference ({when})");
    await using var server = await Server.StartAsync(referenceDll, Path.GetDirectoryName(referenceDll)!, new Dictionary<string, string>(), Path.Combine(work, $"reference-{when}.log"));
    await Wrk.RunAsync(server.BaseUrl + "/", connections, warmUp);
    var result = await Wrk.RunAsync(server.BaseUrl + "/", connections, seconds);
    Console.WriteLine(string.Create(inv, $"  {result.RequestsPerSecond:N0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms"));
    return result;
}

async Task<ConfigRun> MeasurePortalAsync(int size, DatabaseProvider provider)
{
    var name = string.Create(inv, $"{provider.ToString().ToLowerInvariant()}-{size}");
    Console.WriteLine(string.Create(inv, $"Portal, {size:N0} governments, {provider}"));
    var dir = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
    string connectionString;
    var database = string.Create(inv, $"mn_bench_{size}");
    if (provider == DatabaseProvider.Postgres)
    {
        await PostgresDatabases.RecreateAsync(postgres!, database);
        connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
    }
    else if (provider == DatabaseProvider.SqlServer)
    {
        await RecreateSqlServerDatabaseAsync(sqlServer!, database);
        connectionString = new SqlConnectionStringBuilder(sqlServer) { InitialCatalog = database }.ConnectionString;
    }
    else
    {
        connectionString = $"Data Source={Path.Combine(dir, "portal.db")}";
    }

    try
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider.ToString(),
            ["Database__ConnectionString"] = connectionString,
            ["DataProtection__KeysFolder"] = Path.Combine(dir, "keys"),
            ["Email__PickupFolder"] = Path.Combine(dir, "mail"),
            ["Membership__PublicUrl"] = "http://127.0.0.1",
            // The bench plays the TLS-terminating proxy, as a server's load balancer would: in Production the portal
            // answers plain HTTP with a page saying HTTPS is needed, so every request (wrk's too, see Wrk.cs) carries
            // X-Forwarded-Proto: https, believed from 127.0.0.1 only.
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        };

        var migrateWatch = Stopwatch.StartNew();
        var exit = await Processes.RunToLogAsync("dotnet", [portalDll, "migrate"], portalDir, environment, Path.Combine(dir, "migrate.log"), TimeSpan.FromMinutes(5));
        if (exit != 0) throw new InvalidOperationException($"The portal's migrate command failed ({exit}); see {dir}/migrate.log.");
        Console.WriteLine(string.Create(inv, $"  migrated in {migrateWatch.Elapsed.TotalSeconds:0.0} s"));

        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, dir);
        var seed = await Seeder.SeedAsync(() => new PortalDbContext(options.Options), size, seatsPerBody, Console.Out);
        Console.WriteLine(string.Create(inv, $"  seeded {seed.Governments:N0} governments, {seed.Invoices:N0} invoices, {seed.CurrentSeats + seed.PastSeats:N0} seats in {seed.Elapsed.TotalSeconds:0.0} s"));
        string rosterSlug;
        await using (var db = new PortalDbContext(options.Options))
        {
            rosterSlug = await db.Bodies.AsNoTracking().OrderByDescending(b => b.Seats.Count(s => s.EndedAtUtc == null)).ThenBy(b => b.Id).Select(b => b.Slug).FirstAsync();
        }

        if (provider == DatabaseProvider.Postgres) NpgsqlConnection.ClearAllPools();
        if (seedOnly) return new ConfigRun(size, provider, seed, 0, [], null);

        await using var portal = await Server.StartAsync(portalDll, portalDir, environment, Path.Combine(dir, "portal.log"), "/healthz");
        var pages = new List<PageRun>();
        async Task Measure(string page, string path)
        {
            var check = await Pages.CheckAsync(portal.BaseUrl + path);
            if (check is not null)
            {
                pages.Add(new PageRun(page, path, null, check));
                Console.WriteLine($"  {page}: {check}");
                return;
            }

            await Wrk.RunAsync(portal.BaseUrl + path, connections, warmUp);
            var result = await Wrk.RunAsync(portal.BaseUrl + path, connections, seconds);
            await File.WriteAllTextAsync(Path.Combine(dir, $"wrk-{page.Replace(' ', '-').Replace(",", "", StringComparison.Ordinal)}.txt"), result.Raw);
            pages.Add(new PageRun(page, path, result, null));
            Console.WriteLine(string.Create(inv, $"  {page} {path}: {result.RequestsPerSecond:N0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms{(result.Clean ? "" : $" ({result.Non2xx} non-2xx, {result.SocketErrors} socket errors)")}"));
        }

        await Measure("home", "/");
        await Measure("dues", "/dues?population=250000");
        await Measure("roster", $"/committees/{rosterSlug}");
        var directory = await Pages.DiscoverDirectoryAsync(portal.BaseUrl);
        if (directory.First is null) pages.Add(new PageRun("directory", "/members", null, directory.Why));
        else
        {
            await Measure("directory, page 1", directory.First);
            if (directory.Last is not null) await Measure("directory, last page", directory.Last);
        }

        var resultsPage = seed.ResultsPath is { } seededResults && Environment.GetEnvironmentVariable("BENCH_RESULTS_URL") is not { Length: > 0 }
            ? (Path: seededResults, Why: "")
            : await Pages.DiscoverResultsAsync(portal.BaseUrl);
        if (resultsPage.Path is null) pages.Add(new PageRun("results", "", null, resultsPage.Why));
        else await Measure("results", resultsPage.Path);

        var peak = portal.PeakRss();
        Console.WriteLine(string.Create(inv, $"  portal peak RSS {peak / 1048576.0:0} MB"));
        return new ConfigRun(size, provider, seed, peak, pages, null);
    }
    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.Data.Common.DbException or DbUpdateException or HttpRequestException)
    {
        Console.WriteLine($"  failed: {ex.Message}");
        return new ConfigRun(size, provider, null, 0, [], ex.Message.Split('\n')[0]);
    }
    finally
    {
        if (provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresDatabases.DropAsync(postgres!, database);
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await DropSqlServerDatabaseAsync(sqlServer!, database);
        }
    }
}

// SQL Server's forms of the two above; the database name is made here, never taken from input.
static async Task RecreateSqlServerDatabaseAsync(string server, string database)
{
    await DropSqlServerDatabaseAsync(server, database);
    await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
    await connection.OpenAsync();
    await using var create = new SqlCommand($"CREATE DATABASE [{database}]", connection) { CommandTimeout = 300 };
    await create.ExecuteNonQueryAsync();
}

static async Task DropSqlServerDatabaseAsync(string server, string database)
{
    await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
    await connection.OpenAsync();
    await using var drop = new SqlCommand(
        $"IF DB_ID(N'{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END", connection) { CommandTimeout = 300 };
    await drop.ExecuteNonQueryAsync();
}

// The PostgreSQL server to create the bench databases on: loopback only, reachable, or null.
static string? PostgresServer()
{
    var cs = Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } b ? b
        : Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_POSTGRES") is { Length: > 0 } t ? t
        : "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";
    var csb = new NpgsqlConnectionStringBuilder(cs) { Database = "postgres", Pooling = true, MaxPoolSize = 100 };
    if (csb.Host is not ("127.0.0.1" or "localhost" or "::1"))
    {
        Console.WriteLine($"PostgreSQL at {csb.Host} skipped: the bench touches only 127.0.0.1.");
        return null;
    }

    try
    {
        using var connection = new NpgsqlConnection(csb.ConnectionString);
        connection.Open();
        return csb.ConnectionString;
    }
    catch (NpgsqlException ex)
    {
        Console.WriteLine($"PostgreSQL at {csb.Host}:{csb.Port} not reachable ({ex.Message}); its runs are skipped.");
        return null;
    }
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

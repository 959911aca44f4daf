using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MayorsNetwork.Bench;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Usage: dotnet run -c Release --project bench/VoteStorm -- [--provider Sqlite|Postgres] [--delegates 1400]
// The vote storm (issue 5): the real portal (its Release build, as its own process, Kestrel on 127.0.0.1 over
// HTTPS with a throw-away certificate, environment Production) on a fresh database; N Active member cities,
// each with its mayor's account, credentialed for a meeting whose recommended resolution has an open plenary
// vote. Setup (not measured): every mayor signs in and opens the ballot page on its own connection, keeping
// the form and its antiforgery token. Then all N post their ballot at once. Measured: wall time from the first
// send to the last response, and each cast's latency. Checked: exactly N ballots in the database and the tally
// (LiveTally, then the counts stored at close) equal to what was sent. Writes its section of RESULTS.md.
var inv = CultureInfo.InvariantCulture;
var provider = Arg("--provider", "Sqlite").Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
var delegates = Arg("--delegates", 1_400);
const string Password = "vote storm bench password";
var providerName = provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

var repo = Repository.Root();
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
var webDir = Path.Combine(repo, "src", "MayorsNetwork.Web");
var webDll = Path.Combine(webDir, "bin", configuration, "net10.0", "MayorsNetwork.Web.dll");
if (!File.Exists(webDll)) throw new FileNotFoundException($"The portal's build is missing: {webDll}. Run with dotnet run -c Release --project bench/VoteStorm.");
var work = Directory.CreateTempSubdirectory("mn-storm-").FullName;
Console.WriteLine(string.Create(inv, $"Vote storm on {providerName}: {delegates:N0} delegates; {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB; portal {configuration} build; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));

// 1. A fresh database, migrated and seeded in bulk through the portal's own DbContext, domain and BallotBox service.
string connectionString;
string? postgresDatabase = null;
if (provider == DatabaseProvider.Sqlite)
{
    connectionString = $"Data Source={Path.Combine(work, "storm.db")}";
}
else
{
    var server = Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_POSTGRES")
                 ?? throw new InvalidOperationException("Set MAYORSNETWORK_TEST_POSTGRES to a PostgreSQL server's connection string (a fresh database is created on it).");
    postgresDatabase = $"mn_storm_{Guid.NewGuid():N}"[..20];
    await PostgresDatabases.RecreateAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString, postgresDatabase);
    connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
}

Server? portal = null;
try
{
    var databaseOptions = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
    var seedWatch = Stopwatch.StartNew();
    var (voteId, cities) = await SeedAsync(databaseOptions, delegates);
    Console.WriteLine(string.Create(inv, $"Seeded {delegates:N0} Active cities, mayors, credentials and the open plenary vote {voteId} in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

    // 2. The portal, as its own process on a free loopback port (the bench Runner's Server: its output in a log file).
    var port = Server.FreePort();
    var (certificatePath, certificatePassword, thumbprint) = Certificate(work);
    var environment = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // In Production the portal answers only to PublicUrl's host.
        ["Membership__PublicUrl"] = $"https://127.0.0.1:{port}",
        ["Kestrel__Certificates__Default__Path"] = certificatePath,
        ["Kestrel__Certificates__Default__Password"] = certificatePassword,
        ["Database__Provider"] = provider.ToString(),
        ["Database__ConnectionString"] = connectionString,
        ["Database__MigrateOnStartup"] = "false",
        // The folder on every database (on PostgreSQL the default is the database): IssueCookiesAsync below reads the keys from it.
        ["DataProtection__Store"] = "Folder",
        ["DataProtection__KeysFolder"] = Path.Combine(work, "keys"),
        ["DemoData__Enabled"] = "false",
        // Every delegate signs in from 127.0.0.1: the per-address sign-in limit would refuse most of them.
        ["RateLimits__PermitLimit"] = "100000",
        ["Logging__MinimumLevel"] = "Warning",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = "9",
    };
    foreach (var name in new[] { "DOTNET_gcServer", "DOTNET_GCHeapCount" })
    {
        if (Environment.GetEnvironmentVariable("STORM_PORTAL_" + name) is { } value) environment[name] = value;
    }

    portal = await Server.StartAsync(webDll, webDir, environment, Path.Combine(work, "portal.log"), "/healthz", "https", port, Handler(thumbprint));
    var baseAddress = new Uri(portal.BaseUrl);

    // 3. Setup, not measured. Each mayor has a connection of their own. The first --page-sign-ins (default 20)
    //    sign in through the sign-in page; verifying a password costs a PBKDF2 of 210,000 iterations, about
    //    0.2 s of a core (10 minutes for 1,400 on a busy 2-core machine), so the others get the same
    //    authentication cookie the sign-in page would give them, issued with the portal's own Data Protection
    //    keys (shared folder, same application name, the cookie handler's purpose) and Identity's claims
    //    factory: what the cast then checks (the cookie, the account, the antiforgery token) is unchanged.
    //    Then each opens the ballot page and keeps its form.
    var choices = new[] { BallotChoice.Yes, BallotChoice.No, BallotChoice.Abstain };
    var voters = cities.Select((c, i) => { var jar = new CookieContainer(); return new Voter(c.Email, choices[i % 3], jar, NewClient(baseAddress, thumbprint, jar)); }).ToList();
    var pageSignIns = Math.Min(Arg("--page-sign-ins", 20), voters.Count);
    var signInWatch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(voters.Take(pageSignIns), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, async (v, ct) => await SignInAsync(v, ct));
    var pageSignInTime = signInWatch.Elapsed;
    await IssueCookiesAsync(databaseOptions, Path.Combine(work, "keys"), baseAddress, voters.Skip(pageSignIns).ToList());
    // Two rounds on the same portal process: the first storm is the first ballots it has ever seen (every
    // method on the cast path compiled by the JIT during the storm, as at a meeting's first vote after a
    // restart); the second is another resolution's vote, cast by the same delegates, on a warm portal.
    var rounds = Arg("--rounds", 2);
    var allOk = true;
    var rows = new List<string>();
    for (var round = 1; round <= rounds; round++)
    {
        var roundVote = round == 1 ? voteId : await OpenAnotherVoteAsync(databaseOptions, voteId, round);
        var label = round == 1 ? "first vote after start" : $"vote {round}, warm";
        await Parallel.ForEachAsync(voters, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (v, ct) => v.Ballot = await BallotRequestAsync(v, roundVote, ct));
        if (round == 1)
        {
            Console.WriteLine(string.Create(inv,
                $"Setup: {pageSignIns} delegates signed in through the sign-in page in {pageSignInTime.TotalSeconds:0.0} s, {voters.Count - pageSignIns:N0} given their cookie; all {delegates:N0} holding their ballot forms after {signInWatch.Elapsed.TotalSeconds:0.0} s (not measured)"));
        }

        // 4. The storm: every delegate posts at once.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var casts = voters.Select(async v =>
        {
            await go.Task;
            var sent = Stopwatch.GetTimestamp();
            using var response = await v.Client.SendAsync(v.Ballot!);
            var received = Stopwatch.GetTimestamp();
            return (Sent: sent, Received: received, Status: (int)response.StatusCode, Location: response.Headers.Location?.OriginalString);
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(casts);
        var wall = Stopwatch.GetElapsedTime(results.Min(r => r.Sent), results.Max(r => r.Received));
        var latencies = results.Select(r => Stopwatch.GetElapsedTime(r.Sent, r.Received).TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Length) - 1, 0, latencies.Length - 1)];
        var statuses = string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count():N0}× {g.Key}"));

        // 5. Checks: exactly one ballot per delegate, and the tally equals what was sent, open and after closing.
        var expected = voters.GroupBy(v => v.Choice).ToDictionary(g => g.Key, g => g.Count());
        var (ballots, live, closed) = await CheckAsync(databaseOptions, roundVote);
        var want = new Tally(delegates, expected.GetValueOrDefault(BallotChoice.Yes), expected.GetValueOrDefault(BallotChoice.No), expected.GetValueOrDefault(BallotChoice.Abstain));
        var ok = ballots == delegates && live == want && closed == want;
        allOk &= ok;
        var rss = portal.PeakRss() / 1048576.0;

        var line = string.Create(inv,
            $"Vote storm ({providerName}, {label}): {delegates:N0} casts in {wall.TotalMilliseconds:0} ms wall; cast latency p50 {Percentile(50):0} ms, p99 {Percentile(99):0} ms, max {latencies[^1]:0} ms; " +
            $"responses {statuses}; {ballots:N0} ballots in the database; tally Yes {live.Yes} No {live.No} Abstain {live.Abstain} {(live == want && closed == want ? "matches" : "DOES NOT MATCH")} " +
            $"(sent Yes {want.Yes} No {want.No} Abstain {want.Abstain}); portal peak RSS {rss:0} MB; {(ok ? "OK" : "FAILED")}");
        Console.WriteLine(line);
        var target = wall.TotalMilliseconds <= 1000 && Percentile(99) <= 250;
        Console.WriteLine(string.Create(inv, $"Target (all recorded within 1 s, p99 ≤ 250 ms): {(target ? "met" : $"missed — wall {wall.TotalMilliseconds / 1000:0.00} s of 1 s, p99 {Percentile(99):0} ms of 250 ms")}"));
        rows.Add(ResultRow(providerName, label, delegates, wall.TotalMilliseconds, Percentile(50), Percentile(99), latencies[^1], ballots, ok, rss));
    }

    WriteResults(Path.Combine(repo, "bench", "RESULTS.md"), providerName, rows);
    foreach (var warning in File.ReadLines(portal.Log).Where(l => l.Contains(" WRN]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal)).Take(10).ToList())
        Console.WriteLine("portal: " + warning);
    return allOk ? 0 : 1;
}
finally
{
    if (portal is not null) await portal.DisposeAsync();

    if (postgresDatabase is not null)
    {
        NpgsqlConnection.ClearAllPools();
        var server = Environment.GetEnvironmentVariable("MAYORSNETWORK_TEST_POSTGRES")!;
        await PostgresDatabases.DropAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString, postgresDatabase);
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(work, recursive: true); }
    catch (IOException) { }
}

static async Task IssueCookiesAsync(DatabaseOptions options, string keysFolder, Uri baseAddress, List<Voter> voters)
{
    if (voters.Count == 0) return;
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    services.AddLogging();
    services.AddDbContext<PortalDbContext>(o => DatabaseSetup.Configure(o, options, Directory.GetCurrentDirectory()));
    // As the portal configures them (PortalServices): one application name, keys in the shared folder.
    services.AddDataProtection().SetApplicationName("MayorsNetwork").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
    services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>().AddClaimsPrincipalFactory<UserClaimsPrincipalFactory<PortalUser, IdentityRole>>();
    services.Configure<IdentityOptions>(o => o.ClaimsIdentity.SecurityStampClaimType = "AspNet.Identity.SecurityStamp");
    await using var provider = services.BuildServiceProvider();
    var format = new Microsoft.AspNetCore.Authentication.TicketDataFormat(provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
        .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));
    await using var scope = provider.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
    var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
    var emails = voters.Select(v => v.Email.ToUpperInvariant()).ToHashSet();
    var accounts = await users.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!);
    var now = DateTimeOffset.UtcNow;
    foreach (var v in voters)
    {
        var principal = await factory.CreateAsync(accounts[v.Email.ToUpperInvariant()]);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim("amr", "pwd"));
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal,
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, IdentityConstants.ApplicationScheme);
        v.Cookies.Add(baseAddress, new Cookie("mn.auth", format.Protect(ticket)) { Path = "/", Secure = true, HttpOnly = true });
    }
}

static PortalDbContext Db(DatabaseOptions options)
{
    var builder = new DbContextOptionsBuilder<PortalDbContext>();
    DatabaseSetup.Configure(builder, options, Directory.GetCurrentDirectory());
    return new PortalDbContext(builder.Options);
}

// Bulk seeding: a handful of SaveChanges for everything, the resolution moved through its flow with the
// domain's methods, and the vote opened by the BallotBox service (which picks the electors).
static async Task<(int VoteId, List<SeededCity> Cities)> SeedAsync(DatabaseOptions options, int count)
{
    await using var db = Db(options);
    await DatabaseSetup.PrepareAsync(db, CancellationToken.None);
    await db.Database.MigrateAsync();
    var now = DateTime.UtcNow;
    var today = DateOnly.FromDateTime(now);
    var meeting = new Meeting
    {
        Kind = MeetingKind.Annual, Title = "Bench Annual Meeting", PlaceCity = "Tulsa", PlaceState = "OK", StartsOn = today, EndsOn = today.AddDays(2),
        ResolutionDeadlineUtc = today.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), CreatedBy = "Bench", CreatedAtUtc = now,
    };
    var committee = new Body { Name = "Bench Standing Committee", Slug = SeatRules.SlugFor("Bench Standing Committee"), Kind = BodyKind.StandingCommittee, CreatedAtUtc = now, CreatedBy = "Bench" };
    db.AddRange(meeting, committee);
    var memberships = new List<Membership>();
    for (var i = 0; i < count; i++)
    {
        var name = $"Storm City {i:D5}";
        var government = new Government
        {
            Name = name, NameKey = Government.KeyFor(name), Kind = GovernmentKind.City, State = "TX", Population = 30_000 + (i * 997), CensusYear = 2020,
            Mayor = new Contact { Name = $"Mayor {i:D5}", Email = $"mayor{i}@storm.example.gov", Phone = "555-0100" },
            Billing = new Contact { Name = $"Finance {i}", Email = $"billing{i}@storm.example.gov", Phone = "555-0101" },
            Liaison = new Contact { Name = $"Liaison {i}", Email = $"liaison{i}@storm.example.gov", Phone = "555-0102" },
            BillingAddress = "100 Main Street\nAustin, TX 78701",
        };
        var membership = Membership.Apply(government, "bench", "Bench", now);
        membership.ApplicantUserId = null;
        foreach (var to in new[] { MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active })
            membership.MoveTo(to, null, "Bench", "Seeded", now);
        memberships.Add(membership);
    }

    db.Memberships.AddRange(memberships);
    await db.SaveChangesAsync();

    // One PBKDF2 hash (210,000 iterations, as the portal's) shared by every account: they all have the same
    // password, and hashing it 1,400 times would only slow the seeding down. Each sign-in still verifies it in full.
    var hasher = new PasswordHasher<PortalUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
    var hash = hasher.HashPassword(null!, Password);
    var cities = new List<SeededCity>();
    foreach (var m in memberships)
    {
        var email = m.Government.Mayor.Email;
        db.Users.Add(new PortalUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
            PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            FullName = m.Government.Mayor.Name, GovernmentId = m.GovernmentId, CreatedAtUtc = now,
        });
        db.Credentials.Add(new Credential { MeetingId = meeting.Id, MembershipId = m.Id, DelegateName = m.Government.Mayor.Name, CredentialedBy = "Bench", CredentialedAtUtc = now });
        cities.Add(new SeededCity(m.Id, email));
    }

    var sponsor = memberships[0];
    var voteId = await OpenRecommendedPlenaryAsync(db, meeting.Id, committee.Id, committee.Name, "Storm Resolution on Infrastructure", "Be it resolved that cities vote quickly.",
        sponsor.Id, sponsor.Government.Mayor.Name, $"{sponsor.Government.Name}, {sponsor.Government.State}");
    return (voteId, cities);
}

/// <summary>Another recommended resolution of the first vote's meeting, with its plenary vote opened (the same electors).</summary>
static async Task<int> OpenAnotherVoteAsync(DatabaseOptions options, int firstVoteId, int round)
{
    await using var db = Db(options);
    var r = (await db.Votes.AsNoTracking().Include(v => v.Resolution).SingleAsync(v => v.Id == firstVoteId)).Resolution;
    return await OpenRecommendedPlenaryAsync(db, r.MeetingId, r.CommitteeId!.Value, "Committee", $"Storm Resolution {round} on Transit", "Be it resolved that cities vote quickly again.",
        r.SponsorMembershipId, r.SponsorName, r.SponsorCity);
}

/// <summary>A resolution moved to Recommended (its committee vote is not what the storm measures) and its plenary vote opened through the BallotBox service.</summary>
static async Task<int> OpenRecommendedPlenaryAsync(PortalDbContext db, int meetingId, int committeeId, string committeeName, string title, string text,
    int sponsorMembershipId, string sponsorName, string sponsorCity)
{
    var now = DateTime.UtcNow;
    var resolution = Resolution.Submit(meetingId, title, text, sponsorMembershipId, "bench", sponsorName, sponsorCity, now.AddDays(-40));
    resolution.Refer(committeeId, committeeName, null, "Bench", now);
    resolution.MoveTo(ResolutionStatus.InCommitteeVote, null, "Bench", "Committee vote opened.", now);
    resolution.MoveTo(ResolutionStatus.Recommended, null, "Bench", "Committee vote closed.", now);
    db.Resolutions.Add(resolution);
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
    var (outcome, voteId) = await new BallotBox(db, TimeProvider.System).OpenAsync(resolution.Id, VoteStage.Plenary, null, "Bench", CancellationToken.None);
    if (!outcome.Succeeded) throw new InvalidOperationException("Opening the vote failed: " + string.Join(" ", outcome.Errors.Select(e => e.Value)));
    return voteId!.Value;
}

static async Task<(int Ballots, Tally Live, Tally Closed)> CheckAsync(DatabaseOptions options, int voteId)
{
    await using var db = Db(options);
    var ballots = await db.Ballots.CountAsync(b => b.VoteId == voteId);
    var tally = new MayorsNetwork.Web.Pages.Votes.LiveTally(db);
    var live = (await tally.ReadAsync(voteId, CancellationToken.None))!;
    var closing = await new BallotBox(db, TimeProvider.System).CloseAsync(voteId, null, "Bench", CancellationToken.None);
    if (!closing.Succeeded) throw new InvalidOperationException("Closing the vote failed.");
    var closed = (await tally.ReadAsync(voteId, CancellationToken.None))!;
    return (ballots, Tally.Of(live.Electors, live.Yes, live.No, live.Abstain), Tally.Of(closed.Electors, closed.Yes, closed.No, closed.Abstain));
}

static HttpClient NewClient(Uri baseAddress, string thumbprint, CookieContainer? cookies = null) => new(Handler(thumbprint, cookies))
{
    BaseAddress = baseAddress,
    Timeout = TimeSpan.FromMinutes(5),
};

// Trusts only the portal's throw-away certificate.
static SocketsHttpHandler Handler(string thumbprint, CookieContainer? cookies = null) => new()
{
    UseCookies = true,
    CookieContainer = cookies ?? new CookieContainer(),
    AllowAutoRedirect = false,
    // One connection per delegate, as each phone has its own; kept open between the ballot page and the cast.
    MaxConnectionsPerServer = 1,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
};

static async Task SignInAsync(Voter v, CancellationToken ct)
{
    var form = await FormAsync(v.Client, "/account/login", f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Email"), ct)
               ?? throw new InvalidOperationException("The sign-in page has no form with Input.Email.");
    var (url, fields) = Fields(form, "/account/login", null, null);
    fields["Input.Email"] = v.Email;
    fields["Input.Password"] = Password;
    using var response = await v.Client.PostAsync(url, new FormUrlEncodedContent(fields), ct);
    var location = response.Headers.Location?.OriginalString ?? "";
    if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("login", StringComparison.OrdinalIgnoreCase))
        throw new InvalidOperationException($"Signing in {v.Email} failed: {(int)response.StatusCode} {location}");
}

// The ballot page is read as a browser would: the form that offers "Yes" (a radio button or a submit button),
// with its hidden fields and antiforgery token, filled with this delegate's choice.
static async Task<HttpRequestMessage> BallotRequestAsync(Voter v, int voteId, CancellationToken ct)
{
    var page = $"/votes/{voteId}";
    var form = await FormAsync(v.Client, page, f => ChoiceName(f) is not null, ct)
               ?? throw new InvalidOperationException($"{page} has no ballot form offering Yes for {v.Email} (is the ballot page built?).");
    var (url, fields) = Fields(form, page, ChoiceName(form), v.Choice.ToString());
    return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
}

static string? ChoiceName(IHtmlFormElement form) => form.Elements
    .Where(e => (e is IHtmlInputElement { Type: "radio" or "submit" } || e is IHtmlButtonElement) && string.Equals(e.GetAttribute("value"), "Yes", StringComparison.OrdinalIgnoreCase))
    .Select(e => e.GetAttribute("name")).FirstOrDefault(n => !string.IsNullOrEmpty(n));

static async Task<IHtmlFormElement?> FormAsync(HttpClient client, string url, Func<IHtmlFormElement, bool> which, CancellationToken ct)
{
    using var response = await client.GetAsync(url, ct);
    var html = await response.Content.ReadAsStringAsync(ct);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
    var document = new HtmlParser().ParseDocument(html);
    return document.Forms.FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && which(f));
}

static (string Url, Dictionary<string, string> Fields) Fields(IHtmlFormElement form, string pageUrl, string? choiceName, string? choice)
{
    var fields = new Dictionary<string, string>();
    foreach (var e in form.Elements)
    {
        var name = e.GetAttribute("name");
        if (string.IsNullOrEmpty(name) || name == choiceName) continue;
        switch (e)
        {
            case IHtmlInputElement { Type: "radio" or "checkbox" } box when box.IsChecked:
                fields[name] = box.Value;
                break;
            case IHtmlInputElement { Type: "radio" or "checkbox" or "submit" or "button" or "image" or "reset" }:
                break;
            case IHtmlInputElement input:
                fields[name] = input.Value;
                break;
            case IHtmlTextAreaElement area:
                fields[name] = area.Value;
                break;
            case IHtmlSelectElement select:
                fields[name] = select.Value ?? "";
                break;
        }
    }

    if (choiceName is not null && choice is not null)
    {
        // The choice's own value as the page spells it (Yes / No / Abstain).
        var option = form.Elements.FirstOrDefault(e => e.GetAttribute("name") == choiceName && string.Equals(e.GetAttribute("value"), choice, StringComparison.OrdinalIgnoreCase));
        fields[choiceName] = option?.GetAttribute("value") ?? choice;
    }

    var action = form.GetAttribute("action");
    return (string.IsNullOrEmpty(action) ? pageUrl : action, fields);
}

static (string Path, string Password, string Thumbprint) Certificate(string folder)
{
    using var key = RSA.Create(2048);
    var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    var san = new SubjectAlternativeNameBuilder();
    san.AddIpAddress(IPAddress.Loopback);
    request.CertificateExtensions.Add(san.Build());
    using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    var password = Guid.NewGuid().ToString("N");
    var path = Path.Combine(folder, "portal.pfx");
    File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    return (path, password, certificate.GetCertHashString());
}

static string ResultRow(string providerName, string round, int delegates, double wallMs, double p50, double p99, double max, int ballots, bool ok, double rssMb) =>
    string.Create(CultureInfo.InvariantCulture,
        $"| {providerName} | {round} | {DateTime.UtcNow:yyyy-MM-dd} | {Environment.ProcessorCount} | {delegates:N0} | {wallMs:0} ms | {p50:0} ms | {p99:0} ms | {max:0} ms | {ballots:N0}{(ok ? ", tally matches" : ", FAILED")} | {rssMb:0} MB |");

static void WriteResults(string file, string providerName, IReadOnlyList<string> newRows)
{
    const string Begin = "<!-- vote-storm:begin (bench/VoteStorm writes this section; its rows for a database are replaced on each run) -->";
    const string End = "<!-- vote-storm:end -->";
    var text = File.Exists(file) ? File.ReadAllText(file) : "# Results\n";
    var rows = new List<string>();
    if (MarkedSection.Find(text, "<!-- vote-storm:begin", End) is { } previous)
    {
        // Keep the other database's rows (of this table's shape); this database's are replaced.
        rows.AddRange(previous.Inside.Split('\n').Where(l => (l.StartsWith("| SQLite |", StringComparison.Ordinal) || l.StartsWith("| PostgreSQL |", StringComparison.Ordinal))
            && !l.StartsWith($"| {providerName} |", StringComparison.Ordinal) && l.Count(c => c == '|') == 12));
        text = previous.Before.TrimEnd() + "\n\n" + previous.After.TrimStart('\n');
    }

    rows.AddRange(newRows);
    var section = string.Join("\n",
        Begin,
        "## Vote storm",
        "",
        "`dotnet run -c Release --project bench/VoteStorm -- --provider Sqlite|Postgres --delegates 1400` (see VoteStorm/README.md).",
        "Target (issue 5): all 1,400 ballots recorded within 1 s of wall time, p99 of a cast ≤ 250 ms, exactly 1,400 ballots and a matching tally, on 2 cores.",
        "Each run casts two votes on one portal process: the first after it started (the cast path is compiled by the JIT during the storm), then another resolution's, warm.",
        "",
        "| database | vote | date | cores | delegates | wall time, first send to last response | p50 cast | p99 cast | slowest cast | ballots in the database | portal peak RSS |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        string.Join("\n", rows.OrderBy(r => r, StringComparer.Ordinal)),
        End);
    File.WriteAllText(file, text.TrimEnd() + "\n\n" + section + "\n");
}

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture) : fallback;
}

internal sealed record SeededCity(int MembershipId, string Email);

internal sealed class Voter(string email, BallotChoice choice, CookieContainer cookies, HttpClient client)
{
    public string Email { get; } = email;

    public BallotChoice Choice { get; } = choice;

    /// <summary>The delegate's own cookie jar (the client uses it).</summary>
    public CookieContainer Cookies { get; } = cookies;

    public HttpClient Client { get; } = client;

    public HttpRequestMessage? Ballot { get; set; }
}


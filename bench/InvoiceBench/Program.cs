using System.Diagnostics;
using System.Globalization;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Pdf;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/InvoiceBench [-- --members 1400 --provider Sqlite|Postgres]
// Measures (1) PDF rendering on one thread: invoices per second and size; (2) the invoice run: N approved
// members issued invoices, rendered and emailed by the portal's worker to a real SMTP server (aiosmtpd),
// wall time until the last message is received, and the peak memory of this process (which hosts the portal);
// (3) issue 14: every invoice given a PO and vendor number and emailed again, re-rendered, until the last arrives.
var members = Arg("--members", 1_400);
var provider = Arg("--provider", "Sqlite");
var inv = CultureInfo.InvariantCulture;

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// 1. PDF rendering rate, one thread.
var sample = SampleInvoice();
var terms = new InvoiceOptions();
for (var i = 0; i < 100; i++) InvoicePdf.Render(sample, terms);
var pdfWatch = Stopwatch.StartNew();
var rendered = 0;
long bytes = 0;
while (pdfWatch.Elapsed < TimeSpan.FromSeconds(5))
{
    bytes = InvoicePdf.Render(sample, terms).Length;
    rendered++;
}

Console.WriteLine(string.Create(inv, $"PDF rendering: {rendered / pdfWatch.Elapsed.TotalSeconds:0} invoices/s on one thread; {bytes / 1024.0:0.0} KB each"));

// 2. The invoice run. The portal's content root, which WebApplicationFactory finds by itself only from test projects.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MAYORSNETWORK_WEB",
    Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MayorsNetwork.Web")));
PortalFixture portal = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? new PostgresPortal() : new SqlitePortal();
await portal.InitializeAsync();
try
{
    await SeedApprovedAsync(portal, members);
    var peak = Environment.WorkingSet;
    var sampler = new Timer(_ => peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64), null, 0, 100);
    var run = Stopwatch.StartNew();
    await portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var issuer = sp.GetRequiredService<InvoiceIssuer>();
        var ids = await db.Memberships.Where(m => m.Status == MembershipStatus.Approved).Select(m => m.Id).ToListAsync();
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            var m = await db.Memberships.Include(x => x.Government).SingleAsync(x => x.Id == id);
            await issuer.IssueAsync(m, DateTime.UtcNow.Year, InvoiceKind.FirstYear, CancellationToken.None);
            m.MoveTo(MembershipStatus.Invoiced, null, "Bench", "Invoice issued", DateTime.UtcNow);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
    });
    var issued = run.Elapsed;
    while (Directory.GetFiles(Path.Combine(portal.Mail.Maildir, "new")).Length < members)
    {
        if (run.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The invoice run did not finish within 10 minutes.");
        await Task.Delay(50);
    }

    run.Stop();
    await sampler.DisposeAsync();
    var received = portal.Mail.Messages();
    var distinct = received.Select(m => m.MessageId).Distinct().Count();
    var withPdf = received.Count(m => m.Attachments.Count == 1);
    Console.WriteLine(string.Create(inv,
        $"Invoice run ({provider}): {members} invoices issued in {issued.TotalSeconds:0.0} s; all {received.Count} emails received in {run.Elapsed.TotalSeconds:0.0} s " +
        $"({distinct} distinct Message-IDs, {withPdf} with a PDF); peak working set {peak / (1024.0 * 1024):0} MB"));

    // 3. Issue 14: every city adds its PO and vendor number to its invoice and asks for it again. Each save goes
    // through BillingReferences (as the city's form does); the worker re-renders each PDF with the numbers in its
    // header and emails it. Wall time from the first save until the last re-sent message is received.
    var resend = Stopwatch.StartNew();
    var saved = 0;
    await portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var references = sp.GetRequiredService<BillingReferences>();
        var invoices = await db.Invoices.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        foreach (var id in invoices)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                db.ChangeTracker.Clear();
                var outcome = await references.SetOnInvoiceAsync(id, null, $"4500{id:D6}", $"V-{id:D5}", emailAgain: true, CancellationToken.None);
                if (outcome.Succeeded) { saved++; break; }
                await Task.Delay(20); // the worker was marking the first email sent
            }
        }
    });
    var savedIn = resend.Elapsed;
    while (Directory.GetFiles(Path.Combine(portal.Mail.Maildir, "new")).Length < members + saved)
    {
        if (resend.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The re-sent invoices did not all arrive within 10 minutes.");
        await Task.Delay(50);
    }

    resend.Stop();
    var again = portal.Mail.Messages().Where(m => m.Subject.Contains("updated: PO", StringComparison.Ordinal)).ToList();
    var withPo = 0;
    foreach (var m in again.Take(20))
        if ((await Workflow.PdfTextAsync(m.Attachments[0].Content)).Contains("PO number", StringComparison.Ordinal)) withPo++;
    Console.WriteLine(string.Create(inv,
        $"PO re-send ({provider}): {saved} of {members} invoices given PO and vendor numbers in {savedIn.TotalSeconds:0.0} s; all {again.Count} re-rendered emails received in {resend.Elapsed.TotalSeconds:0.0} s " +
        $"({again.Count(m => m.Attachments.Count == 1)} with a PDF; {withPo} of the first 20 PDFs read back show the PO number)"));
}
finally
{
    await portal.DisposeAsync();
}

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture) : fallback;
}

static Invoice SampleInvoice()
{
    var g = new Government
    {
        Name = "Kāneʻohe", NameKey = "KANEʻOHE", State = "HI", Population = 334_000,
        Mayor = new Contact { Name = "Rick Blangiardi", Email = "mayor@honolulu.example.gov" },
        Billing = new Contact { Name = "Office of Budget and Fiscal Services", Email = "billing@honolulu.example.gov" },
        BillingAddress = "530 South King Street, Room 208\nHonolulu, HI 96813",
    };
    var quote = MayorsNetwork.Domain.Dues.DefaultDuesSchedules.IcleiUsaTiers(2026).Quote(g.Population, newMember: true);
    return Invoice.Create(new Membership { Government = g }, 123, quote, new FiscalYear(2026, 1), InvoiceKind.FirstYear, new DateOnly(2026, 11, 22), 30, 25);
}

static async Task SeedApprovedAsync(PortalFixture portal, int count)
{
    await portal.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var name = $"Bench City {i:D5}";
            var g = new Government
            {
                Name = name, NameKey = Government.KeyFor(name), Kind = GovernmentKind.City, State = "TX", Population = 30_000 + (i * 997), CensusYear = 2020,
                Mayor = new Contact { Name = $"Mayor {i}", Email = $"mayor{i}@bench.example.gov", Phone = "555-0100" },
                Billing = new Contact { Name = $"Finance {i}", Email = $"billing{i}@bench.example.gov", Phone = "555-0101" },
                Liaison = new Contact { Name = $"Liaison {i}", Email = $"liaison{i}@bench.example.gov", Phone = "555-0102" },
                BillingAddress = "100 Main Street\nAustin, TX 78701",
            };
            var m = Membership.Apply(g, "bench", "Bench", now);
            m.ApplicantUserId = null;
            m.MoveTo(MembershipStatus.Approved, null, "Bench", "Approved", now);
            db.Memberships.Add(m);
        }

        await db.SaveChangesAsync();
        return 0;
    });
}

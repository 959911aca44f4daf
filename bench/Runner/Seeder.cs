using System.Diagnostics;
using System.Globalization;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Invoices;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Bench;

/// <summary>What was seeded, and how long it took.</summary>
public sealed record SeedReport(int Governments, int Invoices, int CurrentSeats, int PastSeats, string Ballots, TimeSpan Elapsed);

/// <summary>
/// Fills a freshly migrated database (roles, dues schedule and bodies already there from the portal's
/// migrate command) with N member governments in bulk: the portal's own entities and domain methods,
/// added in large batches with change detection off, one transaction per batch. Not one request each.
///
/// Shape: every government is a member (the worst case for the member directory); 85% are Active with
/// this fiscal year's invoice paid, 15% Invoiced with the invoice sent and due in 25 days (outside the
/// reminder horizon, so the daily job has nothing to do during the run). Each body gets up to
/// <c>seatsPerBody</c> current seats (chair, vice chair, members, two ex officio) and a quarter as many
/// ended seats from an earlier term.
/// </summary>
public static class Seeder
{
    private const int Batch = 5_000;
    private const string By = "Bench seed";

    public static async Task<SeedReport> SeedAsync(Func<PortalDbContext> open, int governments, int seatsPerBody, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var fiscalYear = FiscalYear.Containing(today, 1);
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(fiscalYear.Year);
        var random = new Random(2026);

        // 1. Governments, memberships with their history, and this year's invoices (with payments when paid).
        for (var start = 0; start < governments; start += Batch)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync();
            var memberships = new List<Membership>(Batch);
            var invoices = new List<Invoice>(Batch);
            for (var i = start; i < Math.Min(start + Batch, governments); i++)
            {
                var g = Government(i, governments, random);
                var m = Membership.Apply(g, "bench", By, now.AddDays(-400));
                m.ApplicantUserId = null;
                m.History[0].ByUserId = null;
                m.MoveTo(MembershipStatus.Approved, null, By, "Approved", now.AddDays(-390));
                m.MoveTo(MembershipStatus.Invoiced, null, By, "Invoice issued", now.AddDays(-390));
                var paid = i % 100 < 85;
                if (paid) m.MoveTo(MembershipStatus.Active, null, By, "Invoice paid", now.AddDays(-380));
                memberships.Add(m);

                var quote = schedule.Quote(Math.Max(g.Population, 1), newMember: false);
                var invoice = Invoice.Create(m, i + 1, quote, fiscalYear, InvoiceKind.Renewal, today.AddDays(-5), 30, 25);
                if (paid) invoice.Pay(invoice.Total, today.AddDays(-2), PaymentMethod.Ach, $"ACH {i + 1}", By, now);
                else invoice.Status = InvoiceStatus.Sent;
                invoices.Add(invoice);
            }

            db.Memberships.AddRange(memberships);
            db.Invoices.AddRange(invoices);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            if ((start / Batch) % 4 == 3) log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {start + Batch:N0} governments ({watch.Elapsed.TotalSeconds:0.0} s)"));
        }

        await using (var db = open())
        {
            // Invoice numbers issued by the portal afterwards continue after the seeded ones.
            db.InvoiceNumberSequences.Add(new InvoiceNumberSequence { FiscalYear = fiscalYear.Year, Last = governments });
            await db.SaveChangesAsync();
        }

        // 2. Committee seats: each body's current roster and an earlier term's ended seats, each mayor on one body.
        int current = 0, past = 0;
        await using (var db = open())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
            var members = await db.Memberships.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Government.MayorTitle, Mayor = m.Government.Mayor.Name }).ToListAsync();
            var perBody = Math.Min(seatsPerBody, members.Count / Math.Max(bodies.Count, 1));
            var pastPerBody = perBody / 4;
            var next = 0;
            var seats = new List<Seat>();
            foreach (var body in bodies)
            {
                for (var k = 0; k < perBody; k++)
                {
                    var m = members[next++ % members.Count];
                    var role = k switch { 0 => SeatRole.Chair, 1 => SeatRole.ViceChair, _ when k >= perBody - 2 => SeatRole.ExOfficio, _ => SeatRole.Member };
                    seats.Add(Seat.Appoint(body, m.Id, $"{m.MayorTitle} {m.Mayor}", role, today.AddDays(-200), today.AddDays(530), By, now.AddDays(-200)));
                }

                for (var k = 0; k < pastPerBody; k++)
                {
                    var m = members[next++ % members.Count];
                    var seat = Seat.Appoint(body, m.Id, $"{m.MayorTitle} {m.Mayor}", SeatRole.Member, today.AddYears(-3), today.AddYears(-1), By, now.AddYears(-3));
                    seat.End(today.AddYears(-1), By, now.AddYears(-1));
                    seats.Add(seat);
                }

                current += perBody;
                past += pastPerBody;
            }

            await using var tx = await db.Database.BeginTransactionAsync();
            db.Seats.AddRange(seats);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        // 3. Ballots. VOTING: the resolutions and ballots come from the voting issue (another branch). When
        // the model has them, seed one ballot per delegate here; until then this step records "not available".
        string ballots;
        await using (var db = open())
        {
            ballots = db.Model.GetEntityTypes().Any(t => t.ClrType.Name.Contains("Ballot", StringComparison.Ordinal))
                ? "not seeded: the model has ballots but this seeder does not fill them yet (bench/Runner/Seeder.cs, step 3)"
                : "not available (no ballots in the model yet)";
        }

        return new SeedReport(governments, governments, current, past, ballots, watch.Elapsed);
    }

    private static readonly string[] States =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    ];

    private static readonly string[] Syllables = ["Spring", "field", "Oak", "land", "River", "side", "Lake", "wood", "Fair", "view", "Green", "ville", "Mill", "ton", "Ash", "ford", "Elm", "burg", "Clear", "water"];

    /// <summary>The i-th government: at 1,400 all cities of 30,000 or more; at larger sizes the mix of U.S. local governments.</summary>
    private static Government Government(int i, int total, Random random)
    {
        var kind = total <= 5_000 ? GovernmentKind.City : (i % 100) switch
        {
            < 4 => GovernmentKind.County,
            < 25 => GovernmentKind.City,
            < 99 => GovernmentKind.Town,
            _ => GovernmentKind.TribalNation,
        };
        // Log-uniform populations: 30,000 to 8 million for member cities; 200 to 8 million otherwise.
        var low = total <= 5_000 ? Math.Log(30_000) : Math.Log(200);
        var population = (int)Math.Exp(low + (random.NextDouble() * (Math.Log(8_000_000) - low)));
        var stem = Syllables[i % Syllables.Length] + Syllables[(i / Syllables.Length) % Syllables.Length].ToLowerInvariant();
        var name = string.Create(CultureInfo.InvariantCulture, $"{stem} {kind.Display()} {i + 1}");
        var state = States[i % States.Length];
        var slug = string.Create(CultureInfo.InvariantCulture, $"g{i + 1}");
        return new Government
        {
            Name = name,
            NameKey = MayorsNetwork.Domain.Members.Government.KeyFor(name),
            Kind = kind,
            State = state,
            Population = population,
            CensusYear = 2020,
            MayorTitle = kind == GovernmentKind.County ? "County Executive" : "Mayor",
            Mayor = new Contact { Name = $"Robin {Syllables[(i * 7) % Syllables.Length]}{i + 1}", Email = $"mayor@{slug}.example.gov", Phone = "555-0100" },
            Liaison = new Contact { Name = $"Liaison {i + 1}", Email = $"liaison@{slug}.example.gov", Phone = "555-0102" },
            Billing = new Contact { Name = $"Finance office {i + 1}", Email = $"billing@{slug}.example.gov", Phone = "555-0101" },
            BillingAddress = $"{100 + (i % 900)} Main Street\n{name}, {state} {10000 + (i % 89999):D5}",
            MayorTermEnds = new DateOnly(2028, 12, 31),
        };
    }
}

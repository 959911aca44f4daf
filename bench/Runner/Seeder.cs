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
/// written with multi-row INSERTs in batches (<see cref="BulkInsert"/>), in one transaction. Not one request each.
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

        await using var db = open();
        var model = db.Model;
        var types = new
        {
            Government = model.FindEntityType(typeof(Government))!,
            Membership = model.FindEntityType(typeof(Membership))!,
            History = model.FindEntityType(typeof(MembershipStatusChange))!,
            Invoice = model.FindEntityType(typeof(Invoice))!,
            Line = model.FindEntityType(typeof(Invoice))!.FindNavigation(nameof(Invoice.Lines))!.TargetEntityType,
            Payment = model.FindEntityType(typeof(Payment))!,
            Seat = model.FindEntityType(typeof(Seat))!,
            SeatChange = model.FindEntityType(typeof(SeatChange))!,
        };
        if (await db.Governments.AnyAsync() || await db.Seats.AnyAsync())
            throw new InvalidOperationException("The bench seeds a freshly migrated database only; this one already has governments or seats.");
        var bulk = new BulkInsert(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        int historyId = 0, paymentId = 0, lineId = 0;

        // 1. Governments, memberships with their history, and this year's invoices (with payments when paid).
        var all = new List<(int Id, string Mayor)>(governments);
        for (var start = 0; start < governments; start += Batch)
        {
            var govs = new List<Government>(Batch);
            var memberships = new List<Membership>(Batch);
            var history = new List<MembershipStatusChange>(Batch * 4);
            var invoices = new List<Invoice>(Batch);
            var lines = new Dictionary<InvoiceLine, int>(Batch * 2, ReferenceEqualityComparer.Instance);
            var payments = new List<Payment>(Batch);
            for (var i = start; i < Math.Min(start + Batch, governments); i++)
            {
                var g = Government(i, governments, random);
                g.Id = i + 1;
                var m = Membership.Apply(g, "bench", By, now.AddDays(-400));
                m.Id = i + 1;
                m.GovernmentId = g.Id;
                m.ApplicantUserId = null;
                m.History[0].ByUserId = null;
                m.MoveTo(MembershipStatus.Approved, null, By, "Approved", now.AddDays(-390));
                m.MoveTo(MembershipStatus.Invoiced, null, By, "Invoice issued", now.AddDays(-390));
                var paid = i % 100 < 85;
                if (paid) m.MoveTo(MembershipStatus.Active, null, By, "Invoice paid", now.AddDays(-380));
                foreach (var h in m.History)
                {
                    h.Id = ++historyId;
                    h.MembershipId = m.Id;
                }

                var quote = schedule.Quote(Math.Max(g.Population, 1), newMember: false);
                var invoice = Invoice.Create(m, i + 1, quote, fiscalYear, InvoiceKind.Renewal, today.AddDays(-5), 30, 25);
                invoice.Id = i + 1;
                if (paid) invoice.Pay(invoice.Total, today.AddDays(-2), PaymentMethod.Ach, $"ACH {i + 1}", By, now);
                else invoice.Status = InvoiceStatus.Sent;
                foreach (var l in invoice.Lines)
                {
                    l.Id = ++lineId;
                    lines.Add(l, invoice.Id);
                }

                foreach (var p in invoice.Payments)
                {
                    p.Id = ++paymentId;
                    p.InvoiceId = invoice.Id;
                }

                govs.Add(g);
                memberships.Add(m);
                history.AddRange(m.History);
                invoices.Add(invoice);
                payments.AddRange(invoice.Payments);
                all.Add((m.Id, $"{g.MayorTitle} {g.Mayor.Name}"));
            }

            await bulk.InsertAsync(types.Government, govs);
            await bulk.InsertAsync(types.Membership, memberships);
            await bulk.InsertAsync(types.History, history);
            await bulk.InsertAsync(types.Invoice, invoices);
            await bulk.InsertAsync(types.Line, lines.Keys.ToList(), (line, property) =>
                property == "InvoiceId" ? lines[line] : throw new InvalidOperationException($"InvoiceLine.{property} has no value in the seeder."));
            await bulk.InsertAsync(types.Payment, payments);
            if ((start / Batch) % 6 == 5) log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {start + Batch:N0} governments ({watch.Elapsed.TotalSeconds:0.0} s)"));
        }

        // Invoice numbers issued by the portal afterwards continue after the seeded ones.
        db.InvoiceNumberSequences.Add(new InvoiceNumberSequence { FiscalYear = fiscalYear.Year, Last = governments });
        await db.SaveChangesAsync();

        // 2. Committee seats: each body's current roster and an earlier term's ended seats, each mayor on one body.
        int current = 0, past = 0, seatId = 0, changeId = 0;
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var perBody = Math.Min(seatsPerBody, all.Count / Math.Max(bodies.Count, 1));
        var pastPerBody = perBody / 4;
        var next = 0;
        var seats = new List<Seat>();
        foreach (var body in bodies)
        {
            for (var k = 0; k < perBody; k++)
            {
                var m = all[next++ % all.Count];
                var role = k switch { 0 => SeatRole.Chair, 1 => SeatRole.ViceChair, _ when k >= perBody - 2 => SeatRole.ExOfficio, _ => SeatRole.Member };
                seats.Add(Seat.Appoint(body, m.Id, m.Mayor, role, today.AddDays(-200), today.AddDays(530), By, now.AddDays(-200)));
            }

            for (var k = 0; k < pastPerBody; k++)
            {
                var m = all[next++ % all.Count];
                var seat = Seat.Appoint(body, m.Id, m.Mayor, SeatRole.Member, today.AddYears(-3), today.AddYears(-1), By, now.AddYears(-3));
                seat.End(today.AddYears(-1), By, now.AddYears(-1));
                seats.Add(seat);
            }

            current += perBody;
            past += pastPerBody;
        }

        foreach (var seat in seats)
        {
            seat.Id = ++seatId;
            foreach (var c in seat.Changes)
            {
                c.Id = ++changeId;
                c.SeatId = seat.Id;
            }
        }

        await bulk.InsertAsync(types.Seat, seats);
        await bulk.InsertAsync(types.SeatChange, seats.SelectMany(s => s.Changes).ToList());
        await bulk.ResetSequencesAsync(types.Government, types.Membership, types.History, types.Invoice, types.Line, types.Payment, types.Seat, types.SeatChange);
        await tx.CommitAsync();

        // Read back through EF (conversions, dates and enums as the portal's queries see them).
        db.ChangeTracker.Clear();
        var active = await db.Memberships.CountAsync(m => m.Status == MembershipStatus.Active);
        var paidInvoices = await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Paid && i.DueOn > today && i.FiscalYear == fiscalYear.Year);
        var onRosters = await db.Seats.CountAsync(s => s.EndedAtUtc == null && s.StartsOn <= today && (s.EndsOn == null || s.EndsOn >= today));
        var first = await db.Invoices.Include(i => i.Payments).OrderBy(i => i.Id).FirstAsync();
        var expectedActive = Enumerable.Range(0, governments).Count(i => i % 100 < 85);
        if (active != expectedActive || paidInvoices != expectedActive || onRosters != current || first.Balance != 0 || first.Lines.Count == 0)
            throw new InvalidOperationException($"The seeded data does not read back as written: {active} active (expected {expectedActive}), {paidInvoices} paid invoices, {onRosters} seats on rosters (expected {current}), first invoice balance {first.Balance}.");

        // 3. Ballots. VOTING: the resolutions and ballots come from the voting issue (another branch). When
        // the model has them, seed one ballot per delegate here; until then this step records "not available".
        var ballots = model.GetEntityTypes().Any(t => t.ClrType.Name.Contains("Ballot", StringComparison.Ordinal))
            ? "not seeded: the model has ballots but this seeder does not fill them yet (bench/Runner/Seeder.cs, step 3)"
            : "not available (no ballots in the model yet)";

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

using System.Diagnostics;
using System.Globalization;
using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Invoices;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Bench;

/// <summary>What was seeded, and how long it took.</summary>
public sealed record SeedReport(int Governments, int Invoices, int CurrentSeats, int PastSeats, string Ballots, TimeSpan Elapsed)
{
    /// <summary>The seeded vote's results page.</summary>
    public string? ResultsPath { get; init; }
}

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

        // 3. The Annual Meeting's plenary: every Active city credentialed, one recommended resolution, its vote
        // with those cities as electors and one ballot each (60% Yes, 30% No, 10% Abstain), closed with the counts.
        var (voteId, ballots) = await SeedClosedPlenaryAsync(db, now, log);
        var ballotsText = string.Create(CultureInfo.InvariantCulture, $"{ballots:N0} (one closed plenary vote, every Active city credentialed)");

        return new SeedReport(governments, governments, current, past, ballotsText, watch.Elapsed) { ResultsPath = $"/votes/{voteId}/results" };
    }

    /// <summary>Credentials and ballots in bulk; the resolution, the vote and its electors through EF and the domain methods. Returns the vote and its ballots.</summary>
    private static async Task<(int VoteId, int Ballots)> SeedClosedPlenaryAsync(PortalDbContext db, DateTime now, TextWriter log)
    {
        var model = db.Model;
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Kind == MeetingKind.Annual).OrderBy(m => m.Id).FirstAsync();
        var committee = await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.StandingCommittee).OrderBy(b => b.Id).FirstAsync();
        var cities = await db.Memberships.AsNoTracking().Where(m => m.Status == MembershipStatus.Active).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.GovernmentId, m.Government.Name, m.Government.State, Mayor = m.Government.Mayor.Name }).ToListAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var bulk = new BulkInsert(db);
        await bulk.InsertAsync(model.FindEntityType(typeof(Credential))!, cities.Select((c, i) => new Credential
        {
            Id = i + 1, MeetingId = meeting.Id, MembershipId = c.Id, DelegateName = c.Mayor, CredentialedBy = By, CredentialedAtUtc = now.AddDays(-2),
            CheckedInAtUtc = now.AddDays(-1), CheckedInBy = By,
        }).ToList());

        var sponsor = cities[0];
        var resolution = Resolution.Submit(meeting.Id, "Bench Resolution on Infrastructure Investment", "The association **urges** Congress to invest in city infrastructure.",
            sponsor.Id, "bench", sponsor.Mayor, $"{sponsor.Name}, {sponsor.State}", now.AddDays(-60));
        resolution.Refer(committee.Id, committee.Name, null, By, now.AddDays(-30));
        resolution.MoveTo(ResolutionStatus.InCommitteeVote, null, By, "Committee vote opened.", now.AddDays(-20));
        resolution.MoveTo(ResolutionStatus.Recommended, null, By, "Committee vote closed.", now.AddDays(-20));
        // Opened and closed through the vote's own methods, as staff would; only the ballots are bulk-inserted.
        var electors = cities.Select(c => new Elector
        {
            MembershipId = c.Id, GovernmentId = c.GovernmentId, City = $"{c.Name}, {c.State}", DelegateName = c.Mayor,
        }).ToList();
        var vote = Vote.Open(resolution, VoteStage.Plenary, electors, null, By, now.AddHours(-2)).Value;
        db.Resolutions.Add(resolution);
        db.Votes.Add(vote);
        await db.SaveChangesAsync();

        var choices = cities.Select((_, i) => (i % 10) switch { < 6 => BallotChoice.Yes, < 9 => BallotChoice.No, _ => BallotChoice.Abstain }).ToList();
        var castFrom = now.AddHours(-2);
        await bulk.InsertAsync(model.FindEntityType(typeof(Ballot))!, cities.Select((c, i) => new Ballot
        {
            Id = i + 1, VoteId = vote.Id, MembershipId = c.Id, Choice = choices[i], CastByUserId = "bench", CastByName = c.Mayor, CastAs = CastAs.Delegate,
            CastAtUtc = castFrom.AddMilliseconds(i * 40L),
        }).ToList());
        vote.Close(choices.GroupBy(c => c).Select(g => (g.Key, g.Count())), null, By, now.AddHours(-1));
        await db.SaveChangesAsync();
        await bulk.ResetSequencesAsync(model.FindEntityType(typeof(Credential))!, model.FindEntityType(typeof(Ballot))!);
        await tx.CommitAsync();

        var stored = await db.Ballots.CountAsync(b => b.VoteId == vote.Id);
        if (stored != cities.Count) throw new InvalidOperationException($"The seeded vote reads back {stored} ballots, not {cities.Count}.");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stored:N0} ballots on vote {vote.Id}"));
        return (vote.Id, stored);
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

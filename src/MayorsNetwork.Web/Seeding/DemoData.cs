using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Web.Seeding;

/// <summary>
/// Development only: a staff account (its password printed once, when it is created) and about thirty
/// real cities with their 2020 census populations, in various states of membership.
/// </summary>
public sealed class DemoData(
    PortalDbContext db,
    AdminAccounts accounts,
    InvoiceIssuer invoices,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string StaffEmail = "staff@mayorsnetwork.local";

    private static readonly (string Name, string State, int Population, string Mayor, MembershipStatus Status)[] Cities =
    [
        ("New York", "NY", 8_804_190, "Eric Adams", MembershipStatus.Approved),
        ("Los Angeles", "CA", 3_898_747, "Karen Bass", MembershipStatus.Approved),
        ("Chicago", "IL", 2_746_388, "Brandon Johnson", MembershipStatus.Approved),
        ("Houston", "TX", 2_304_580, "John Whitmire", MembershipStatus.Approved),
        ("Phoenix", "AZ", 1_608_139, "Kate Gallego", MembershipStatus.Approved),
        ("Philadelphia", "PA", 1_603_797, "Cherelle Parker", MembershipStatus.Approved),
        ("San Antonio", "TX", 1_434_625, "Ron Nirenberg", MembershipStatus.Approved),
        ("San Diego", "CA", 1_386_932, "Todd Gloria", MembershipStatus.Approved),
        ("Dallas", "TX", 1_304_379, "Eric Johnson", MembershipStatus.Approved),
        ("San José", "CA", 1_013_240, "Matt Mahan", MembershipStatus.Approved),
        ("Austin", "TX", 961_855, "Kirk Watson", MembershipStatus.Approved),
        ("Columbus", "OH", 905_748, "Andrew Ginther", MembershipStatus.Approved),
        ("Charlotte", "NC", 874_579, "Vi Lyles", MembershipStatus.Approved),
        ("Seattle", "WA", 737_015, "Bruce Harrell", MembershipStatus.Approved),
        ("Denver", "CO", 715_522, "Mike Johnston", MembershipStatus.Approved),
        ("Boston", "MA", 675_647, "Michelle Wu", MembershipStatus.Approved),
        ("Detroit", "MI", 639_111, "Mike Duggan", MembershipStatus.Approved),
        ("Baltimore", "MD", 585_708, "Brandon Scott", MembershipStatus.Approved),
        ("Milwaukee", "WI", 577_222, "Cavalier Johnson", MembershipStatus.Approved),
        ("Albuquerque", "NM", 564_559, "Tim Keller", MembershipStatus.Approved),
        ("Atlanta", "GA", 498_715, "Andre Dickens", MembershipStatus.Approved),
        ("Santa Ana", "CA", 310_227, "Valerie Amezcua", MembershipStatus.Approved),
        ("Ann Arbor", "MI", 123_851, "Christopher Taylor", MembershipStatus.Applied),
        ("Las Cruces", "NM", 111_385, "Eric Enriquez", MembershipStatus.Applied),
        ("Boulder", "CO", 108_250, "Aaron Brockett", MembershipStatus.Applied),
        ("Santa Fe", "NM", 87_505, "Alan Webber", MembershipStatus.Applied),
        ("Dubuque", "IA", 59_667, "Brad Cavanagh", MembershipStatus.Applied),
        ("Burlington", "VT", 44_743, "Emma Mulvaney-Stanak", MembershipStatus.Applied),
        ("Española", "NM", 10_526, "John Ramon Vigil", MembershipStatus.Rejected),
        ("Cañon City", "CO", 17_141, "Ashley Smith", MembershipStatus.Rejected),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Email == StaffEmail, cancellationToken)) return;

        var (staff, password) = await accounts.CreateAsync(StaffEmail, "Demo Staff", [Roles.Staff]);
        // Printed once, on first start; it is not stored anywhere in clear.
        Console.WriteLine();
        Console.WriteLine($"  Demo staff account: {StaffEmail}");
        Console.WriteLine($"  Password (shown once): {password}");
        Console.WriteLine();

        var now = clock.GetUtcNow().UtcDateTime;
        var i = 0;
        foreach (var (name, state, population, mayor, status) in Cities)
        {
            var slug = Government.KeyFor(name).Replace(' ', '-').ToLowerInvariant();
            var g = new Government
            {
                Name = name,
                NameKey = Government.KeyFor(name),
                Kind = GovernmentKind.City,
                State = state,
                Population = population,
                CensusYear = 2020,
                Mayor = new Contact { Name = mayor, Email = $"mayor@{slug}.example.gov", Phone = "555-0100" },
                MayorTermEnds = new DateOnly(2027, 12, 31),
                Liaison = new Contact { Name = "Intergovernmental Affairs", Email = $"liaison@{slug}.example.gov", Phone = "555-0101" },
                Billing = new Contact { Name = "Finance Office", Email = $"billing@{slug}.example.gov", Phone = "555-0102" },
                BillingAddress = $"City Hall, 100 Main Street\n{name}, {state} 00000",
            };
            var appliedAt = now.AddDays(-60 + i++);
            var membership = Membership.Apply(g, staff.Id, "Demo data", appliedAt);
            if (status != MembershipStatus.Applied)
            {
                var reason = status == MembershipStatus.Rejected ? "Population below the minimum of 30,000." : "Application approved";
                membership.MoveTo(status, staff.Id, staff.FullName, reason, appliedAt.AddDays(3));
            }

            membership.ApplicantUserId = null;
            db.Memberships.Add(membership);
        }

        await db.SaveChangesAsync(cancellationToken);
        await InvoiceAsync(staff.FullName, now, cancellationToken);
        await AddSeatsAsync(staff.FullName, now, cancellationToken);
        await AddResolutionsAsync(staff, now, cancellationToken);
        logger.LogInformation("Demo data: {Count} cities and the staff account {Email}", Cities.Length, StaffEmail);
    }

    /// <summary>
    /// Every approved city gets its first invoice, as approval does; most have paid (Active), two have not
    /// yet (Invoiced), one is past due (Grace) and one has lapsed, so every status can be seen.
    /// </summary>
    private async Task InvoiceAsync(string by, DateTime now, CancellationToken cancellationToken)
    {
        var unpaid = new Dictionary<string, MembershipStatus>
        {
            ["Charlotte"] = MembershipStatus.Invoiced,
            ["San José"] = MembershipStatus.Invoiced,
            ["Dallas"] = MembershipStatus.Grace,
            ["Baltimore"] = MembershipStatus.Lapsed,
        };
        var ids = await db.Memberships.Where(m => m.Status == MembershipStatus.Approved).Select(m => m.Id).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var m = await db.Memberships.Include(x => x.Government).SingleAsync(x => x.Id == id, cancellationToken);
            var invoice = await invoices.IssueFirstAsync(m, cancellationToken);
            m.MoveTo(MembershipStatus.Invoiced, null, by, $"Invoice {invoice.Number} issued", now);
            if (!unpaid.TryGetValue(m.Government.Name, out var status))
            {
                invoice.Pay(invoice.Total, today, PaymentMethod.Check, "Demo check", by, now);
                m.MoveTo(MembershipStatus.Active, null, by, $"Invoice {invoice.Number} paid in full", now);
            }
            else if (status != MembershipStatus.Invoiced)
            {
                m.MoveTo(MembershipStatus.Grace, null, "Dues lifecycle (daily job)", $"Invoice {invoice.Number} unpaid after its due date (demo data)", now);
                if (status == MembershipStatus.Lapsed)
                    m.MoveTo(MembershipStatus.Lapsed, null, "Dues lifecycle (daily job)", $"Invoice {invoice.Number} unpaid at the end of the grace period (demo data)", now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Two resolutions for the seeded Annual Meeting: one just submitted (with a confirmed and an invited cosponsor), one referred.</summary>
    private async Task AddResolutionsAsync(PortalUser staff, DateTime now, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Where(m => m.Kind == MeetingKind.Annual).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var committee = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == "transportation-and-communications-committee", cancellationToken);
        var cities = await db.Memberships.Where(m => m.Status == MembershipStatus.Active)
            .Select(m => new { m.Id, m.Government.Name, m.Government.State, Mayor = m.Government.MayorTitle + " " + m.Government.Mayor.Name })
            .ToDictionaryAsync(m => m.Name, cancellationToken);
        if (meeting is null || committee is null || !cities.TryGetValue("Phoenix", out var phoenix) || !cities.TryGetValue("Boston", out var boston)
            || !cities.TryGetValue("Denver", out var denver) || !cities.TryGetValue("Seattle", out var seattle)) return;

        var heat = Resolution.Submit(meeting.Id, "In Support of Extreme Heat Preparedness in Cities",
            "**WHEREAS**, extreme heat is the deadliest weather hazard in the United States; and\n\n" +
            "**WHEREAS**, cities are building cooling centers, planting trees and warning residents;\n\n" +
            "**NOW, THEREFORE, BE IT RESOLVED** that the Conference supports federal funding for:\n\n- urban tree canopy programs,\n- cooling centers, and\n- heat early-warning systems.",
            phoenix.Id, staff.Id, phoenix.Mayor, $"{phoenix.Name}, {phoenix.State}", now.AddDays(-5));
        heat.Cosponsors.Add(new Cosponsor { MembershipId = denver.Id, MayorName = denver.Mayor, City = $"{denver.Name}, {denver.State}", InvitedAtUtc = now.AddDays(-5), ConfirmedAtUtc = now.AddDays(-4) });
        heat.Cosponsors.Add(new Cosponsor { MembershipId = seattle.Id, MayorName = seattle.Mayor, City = $"{seattle.Name}, {seattle.State}", InvitedAtUtc = now.AddDays(-5) });

        var transit = Resolution.Submit(meeting.Id, "In Support of Federal Transit Operating Assistance",
            "**BE IT RESOLVED** that the Conference urges Congress to allow federal transit funds to support operating costs, " +
            "so that cities can keep buses and trains running.",
            boston.Id, staff.Id, boston.Mayor, $"{boston.Name}, {boston.State}", now.AddDays(-10));
        transit.Refer(committee.Id, committee.Name, staff.Id, staff.FullName, now.AddDays(-2));
        db.Resolutions.AddRange(heat, transit);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A few mayors on the seeded bodies, one of them with a term ending within 60 days.</summary>
    private async Task AddSeatsAsync(string by, DateTime now, CancellationToken cancellationToken)
    {
        (string City, string Body, SeatRole Role, int EndsInDays)[] seats =
        [
            ("Boston", "climate-change-task-force", SeatRole.Chair, 220), ("Phoenix", "climate-change-task-force", SeatRole.ViceChair, 220),
            ("Denver", "climate-change-task-force", SeatRole.Member, 30), ("Seattle", "climate-change-task-force", SeatRole.Member, 220),
            ("Columbus", "executive-committee", SeatRole.Chair, 400), ("Atlanta", "executive-committee", SeatRole.Member, 400),
            ("Santa Ana", "executive-committee", SeatRole.ExOfficio, 400), ("Albuquerque", "immigration-reform-task-force", SeatRole.Chair, 220),
            ("San Antonio", "immigration-reform-task-force", SeatRole.Member, 220), ("Detroit", "infrastructure-task-force", SeatRole.Chair, 220),
            ("Milwaukee", "hunger-and-homelessness-task-force", SeatRole.Chair, 220), ("Boston", "jobs-education-and-the-workforce-committee", SeatRole.Member, 220),
            ("Denver", "transportation-and-communications-committee", SeatRole.Chair, 220), ("Boston", "transportation-and-communications-committee", SeatRole.Member, 220),
        ];
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Slug, b => b.Id, cancellationToken);
        var cities = await db.Memberships.Where(m => m.Status == MembershipStatus.Active)
            .Select(m => new { m.Id, m.Government.Name, Mayor = m.Government.Mayor.Name })
            .ToDictionaryAsync(m => m.Name, cancellationToken);
        var today = DateOnly.FromDateTime(now);
        foreach (var (city, body, role, endsInDays) in seats)
        {
            if (!bodies.TryGetValue(body, out var bodyId) || !cities.TryGetValue(city, out var member)) continue;
            db.Seats.Add(Seat.Appoint(bodyId, member.Id, member.Mayor, role, today.AddDays(-150), today.AddDays(endsInDays), by, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

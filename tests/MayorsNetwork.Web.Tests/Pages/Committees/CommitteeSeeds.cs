using System.Globalization;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Committees;

/// <summary>
/// Member cities, bodies and seats written straight into the database, faster than applying and approving
/// each city through the pages. Names carry a token so tests sharing a fixture do not see each other's data.
/// </summary>
public static class CommitteeSeeds
{
    public sealed record City(int MembershipId, int GovernmentId, string Name, string State, string Mayor);

    public sealed record SeededBody(int Id, string Name, string Slug);

    public static string Token() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A city whose membership went Applied → Approved → Invoiced → Active, then on to the given status.</summary>
    public static Task<City> CityAsync(PortalFixture portal, MembershipStatus status = MembershipStatus.Active, string state = "CO", string? name = null, string? mayor = null) =>
        portal.WithDbAsync(async db =>
        {
            var token = Token();
            name ??= $"Testville {token}";
            mayor ??= $"Robin {token}";
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var government = new Government
            {
                Name = name,
                NameKey = Government.KeyFor(name),
                State = state,
                Kind = GovernmentKind.City,
                Population = 108_250,
                CensusYear = 2020,
                Mayor = new Contact { Name = mayor, Email = $"mayor-{token}@city.example.gov", Phone = "303-555-0100" },
                Liaison = new Contact { Name = "Lee Liaison", Email = $"liaison-{token}@city.example.gov", Phone = "303-555-0101" },
                Billing = new Contact { Name = "Finance Office", Email = $"billing-{token}@city.example.gov", Phone = "303-555-0102" },
                BillingAddress = "1 Main Street\nTestville, CO 80000",
            };
            var membership = Membership.Apply(government, $"seed-{token}", "Seeded applicant", now);
            var path = status switch
            {
                MembershipStatus.Applied => [],
                MembershipStatus.Approved => [MembershipStatus.Approved],
                MembershipStatus.Invoiced => [MembershipStatus.Approved, MembershipStatus.Invoiced],
                MembershipStatus.Active => [MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active],
                MembershipStatus.Grace => [MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Grace],
                MembershipStatus.Lapsed => [MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Grace, MembershipStatus.Lapsed],
                MembershipStatus.Withdrawn => [MembershipStatus.Withdrawn],
                _ => new[] { MembershipStatus.Rejected },
            };
            foreach (var to in path) membership.MoveTo(to, null, "Seeder", "Seeded", now);
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            return new City(membership.Id, government.Id, name, state, mayor);
        });

    public static Task<SeededBody> BodyAsync(PortalFixture portal, string? name = null, BodyKind kind = BodyKind.TaskForce, string description = "", bool active = true) =>
        portal.WithDbAsync(async db =>
        {
            name ??= $"Task Force {Token()}";
            var body = new Body
            {
                Name = name,
                Slug = SeatRules.SlugFor(name),
                Kind = kind,
                DescriptionMarkdown = description,
                IsActive = active,
                CreatedAtUtc = portal.Clock.GetUtcNow().UtcDateTime,
                CreatedBy = "Seeder",
            };
            db.Bodies.Add(body);
            await db.SaveChangesAsync();
            return new SeededBody(body.Id, body.Name, body.Slug);
        });

    /// <summary>A seat written directly (for arranging; the pages' own appointments are tested through the form).</summary>
    public static Task<int> SeatAsync(PortalFixture portal, SeededBody body, City city, SeatRole role, int startsInDays = -30, int? endsInDays = null) =>
        portal.WithDbAsync(async db =>
        {
            var today = portal.Clock.Today;
            var seat = Seat.Appoint(body.Id, city.MembershipId, city.Mayor, role, today.AddDays(startsInDays),
                endsInDays is { } e ? today.AddDays(e) : null, "Seeder", portal.Clock.GetUtcNow().UtcDateTime);
            db.Seats.Add(seat);
            await db.SaveChangesAsync();
            return seat.Id;
        });

    /// <summary>Fills the appointment form of a body and submits it as this staff member; only the given fields are changed.</summary>
    public static Task<PageResult> AppointAsync(PortalClient staff, string slug, City city, string role, string? startsOn = null, string? endsOn = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Input.MembershipId"] = city.MembershipId.ToString(CultureInfo.InvariantCulture),
            ["Input.Role"] = role,
        };
        if (startsOn is not null) values["Input.StartsOn"] = startsOn;
        if (endsOn is not null) values["Input.EndsOn"] = endsOn;
        return staff.SubmitFormAsync($"/staff/committees/{slug}/appoint", values, "#appoint");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The open seats of a body as the database holds them.</summary>
    public static Task<List<Seat>> OpenSeatsAsync(PortalFixture portal, int bodyId) =>
        portal.WithDbAsync(db => db.Seats.AsNoTracking().Where(s => s.BodyId == bodyId && s.EndedAtUtc == null).OrderBy(s => s.Id).ToListAsync());

    public static Task<List<Seat>> AllSeatsAsync(PortalFixture portal, int bodyId) =>
        portal.WithDbAsync(db => db.Seats.AsNoTracking().Include(s => s.Changes).Where(s => s.BodyId == bodyId).OrderBy(s => s.Id).ToListAsync());

    /// <summary>The rows of a roster table: role, mayor, city, state, since.</summary>
    public static List<string[]> TableRows(PageResult page, string testId) =>
        page.Document.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(tr => tr.Children.Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent, @"\s+", " ").Trim()).ToArray())
            .ToList();
}

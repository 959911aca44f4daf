using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>Staff appoint mayors of member cities to a body; the rules are enforced with a clear message and nothing stored.</summary>
public abstract class AppointingTests(PortalFixture portal)
{
    [Fact]
    public async Task Appointing_a_chair_and_a_member_records_who_and_when_and_the_public_roster_lists_the_chair_first()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var body = await BodyAsync(portal);
        var member = await CityAsync(portal, state: "NM", mayor: $"Alex Aardvark {Token()}");
        var chair = await CityAsync(portal, state: "CO", mayor: $"Zoe Zimmer {Token()}");
        var today = portal.Clock.Today;

        var first = await AppointAsync(staff, body.Slug, member, "Member");
        var second = await AppointAsync(staff, body.Slug, chair, "Chair", endsOn: Iso(today.AddYears(1)));

        Assert.True(first.Status == HttpStatusCode.Redirect, string.Join(" ", first.Errors));
        Assert.True(second.Status == HttpStatusCode.Redirect, string.Join(" ", second.Errors));
        var detail = await staff.GetFollowingAsync(second.Location!);
        Assert.Contains($"{chair.Mayor} is appointed chair of {body.Name}.", detail.Text, StringComparison.Ordinal);
        var roster = await portal.Client().GetAsync($"/committees/{body.Slug}");
        var rows = TableRows(roster, "roster");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Chair", chair.Mayor, chair.Name, "CO", today.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)], rows[0]);
        Assert.Equal(["Member", member.Mayor, member.Name, "NM", today.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)], rows[1]);
        var seats = await AllSeatsAsync(portal, body.Id);
        Assert.All(seats, s => Assert.Equal("Sam Staff", s.AppointedBy));
        Assert.All(seats, s => Assert.Equal(SeatChangeKind.Appointed, Assert.Single(s.Changes).Kind));
        Assert.Equal(today.AddYears(1), seats.Single(s => s.Role == SeatRole.Chair).EndsOn);
        // The record of changes names who appointed each seat.
        Assert.Equal(2, TableRows(detail, "seat-history").Count(r => r[3] == "Sam Staff" && r[2].StartsWith("Appointed", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Chair", "chair")]
    [InlineData("ViceChair", "vice chair")]
    public async Task A_second_chair_or_vice_chair_is_refused_with_a_message_naming_the_one_in_office_and_nothing_is_stored(string role, string words)
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var holder = await CityAsync(portal, state: "TX");
        var other = await CityAsync(portal);
        await SeatAsync(portal, body, holder, Enum.Parse<SeatRole>(role));

        var result = await AppointAsync(staff, body.Slug, other, role);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{body.Name} already has a {words}: {holder.Mayor} of {holder.Name}, TX.", Assert.Single(result.Errors.Distinct()), StringComparison.Ordinal);
        Assert.Single(await OpenSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task A_lapsed_city_is_refused_a_member_seat_with_a_message_and_nothing_is_stored()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var lapsed = await CityAsync(portal, MembershipStatus.Lapsed);

        var result = await AppointAsync(staff, body.Slug, lapsed, "Member");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{lapsed.Name}, CO's membership has lapsed", result.Errors[0], StringComparison.Ordinal);
        Assert.Empty(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task A_lapsed_city_may_hold_an_ex_officio_seat()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var lapsed = await CityAsync(portal, MembershipStatus.Lapsed);

        var result = await AppointAsync(staff, body.Slug, lapsed, "ExOfficio");

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        Assert.Equal(SeatRole.ExOfficio, Assert.Single(await OpenSeatsAsync(portal, body.Id)).Role);
    }

    [Fact]
    public async Task A_city_that_only_applied_is_refused_a_seat()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var applicant = await CityAsync(portal, MembershipStatus.Applied);

        var result = await AppointAsync(staff, body.Slug, applicant, "Member");

        Assert.Contains($"{applicant.Name}, CO is not a member", result.Errors[0], StringComparison.Ordinal);
        Assert.Empty(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task An_end_date_before_the_start_is_refused_next_to_the_field_and_nothing_is_stored()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal);
        var start = portal.Clock.Today.AddDays(10);

        var result = await AppointAsync(staff, body.Slug, city, "Member", Iso(start), Iso(start.AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The term cannot end", result.One("#Input_EndsOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", result.One("#Input_EndsOn")?.GetAttribute("aria-invalid"));
        Assert.Empty(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task A_second_seat_for_the_same_mayor_on_the_same_body_is_refused_naming_the_seat_they_hold()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal);
        await SeatAsync(portal, body, city, SeatRole.ViceChair);

        var result = await AppointAsync(staff, body.Slug, city, "Member");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{city.Mayor} of {city.Name}, CO already holds a seat on {body.Name} (vice chair).", result.Errors[0], StringComparison.Ordinal);
        Assert.Single(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task A_mayor_may_sit_on_two_bodies()
    {
        var staff = await portal.SignedInStaffAsync();
        var (one, two) = (await BodyAsync(portal), await BodyAsync(portal));
        var city = await CityAsync(portal);

        Assert.Equal(HttpStatusCode.Redirect, (await AppointAsync(staff, one.Slug, city, "Chair")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AppointAsync(staff, two.Slug, city, "Chair")).Status);

        // The city now chairs both bodies: one open seat on each.
        var seats = await portal.WithDbAsync(db => db.Seats.AsNoTracking()
            .Where(s => s.MembershipId == city.MembershipId && s.EndedAtUtc == null)
            .Select(s => s.BodyId).ToListAsync());
        Assert.Equal(new[] { one.Id, two.Id }.Order(), seats.Order());
    }

    [Fact]
    public async Task Missing_or_unreadable_fields_are_each_reported_and_nothing_is_stored()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);

        var result = await staff.SubmitFormAsync($"/staff/committees/{body.Slug}/appoint", new Dictionary<string, string?>
        {
            ["Input.MembershipId"] = "", ["Input.Role"] = "President", ["Input.StartsOn"] = "soon", ["Input.EndsOn"] = "31/31/2026",
        }, "#appoint");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Choose the member city whose mayor takes the seat.", result.Errors);
        Assert.Contains("Choose the role.", result.Errors);
        Assert.Contains("Enter the first day of the term, like 2026-07-01.", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("Enter the last day of the term", StringComparison.Ordinal));
        Assert.Empty(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task A_chair_whose_term_ran_out_is_closed_when_the_next_chair_is_appointed()
    {
        var staff = await portal.SignedInStaffAsync("Kim Staff");
        var body = await BodyAsync(portal);
        var old = await CityAsync(portal);
        var next = await CityAsync(portal);
        var oldSeat = await SeatAsync(portal, body, old, SeatRole.Chair, startsInDays: -400, endsInDays: -1);

        var result = await AppointAsync(staff, body.Slug, next, "Chair");

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var seats = await AllSeatsAsync(portal, body.Id);
        var closed = seats.Single(s => s.Id == oldSeat);
        Assert.NotNull(closed.EndedAtUtc);
        Assert.Equal("Kim Staff", closed.EndedBy);
        Assert.Equal(portal.Clock.Today.AddDays(-1), closed.EndsOn);
        Assert.Equal(next.MembershipId, Assert.Single(seats, s => s.EndedAtUtc == null).MembershipId);
    }

    [Fact]
    public async Task An_inactive_body_takes_no_new_seats()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal, active: false);
        var city = await CityAsync(portal);

        var result = await AppointAsync(staff, body.Slug, city, "Member");

        Assert.Contains($"{body.Name} is not active", result.Errors[0], StringComparison.Ordinal);
        Assert.Empty(await AllSeatsAsync(portal, body.Id));
    }

    [Fact]
    public async Task The_city_list_can_be_searched_by_the_mayor_s_name()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal, mayor: $"Quincy Unusual {Token()}");
        await CityAsync(portal);

        var page = await staff.GetAsync($"/staff/committees/{body.Slug}/appoint?q={Uri.EscapeDataString(city.Mayor.ToLowerInvariant())}");

        var options = page.Document.QuerySelectorAll("#Input_MembershipId option").Where(o => o.GetAttribute("value") != "").ToList();
        Assert.Equal($"{city.Name}, CO · {city.Mayor}", Assert.Single(options).TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_body_is_page_not_found()
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/staff/committees/no-such-body/appoint");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.One("h1")?.TextContent.Trim());
    }
}

public sealed class AppointingTests_Sqlite(SqlitePortal portal) : AppointingTests(portal), IClassFixture<SqlitePortal>;

public sealed class AppointingTests_Postgres(PostgresPortal portal) : AppointingTests(portal), IClassFixture<PostgresPortal>;

public sealed class AppointingTests_SqlServer(SqlServerPortal portal) : AppointingTests(portal), IClassFixture<SqlServerPortal>;

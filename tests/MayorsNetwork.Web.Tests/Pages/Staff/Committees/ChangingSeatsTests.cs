using System.Globalization;
using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>Staff change a seat's role and end seats on the body's page; ended seats stay as history; each change names who made it.</summary>
public abstract class ChangingSeatsTests(PortalFixture portal)
{
    [Fact]
    public async Task Changing_a_member_to_vice_chair_is_recorded_with_who_and_the_roster_shows_the_new_role()
    {
        var staff = await portal.SignedInStaffAsync("Kim Staff");
        var body = await BodyAsync(portal);
        var city = await CityAsync(portal);
        var seatId = await SeatAsync(portal, body, city, SeatRole.Member);

        var result = await ChangeRoleAsync(staff, body.Slug, seatId, "ViceChair");

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var seat = Assert.Single(await AllSeatsAsync(portal, body.Id));
        Assert.Equal(SeatRole.ViceChair, seat.Role);
        var change = seat.Changes.Single(c => c.Kind == SeatChangeKind.RoleChanged);
        Assert.Equal("Kim Staff", change.By);
        Assert.Equal("Member → Vice chair", change.Detail);
        var roster = await portal.Client().GetAsync($"/committees/{body.Slug}");
        Assert.Equal("Vice chair", Assert.Single(TableRows(roster, "roster"))[0]);
    }

    [Fact]
    public async Task Making_a_member_chair_while_there_is_a_chair_is_refused_naming_the_chair()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var chair = await CityAsync(portal, state: "OH");
        await SeatAsync(portal, body, chair, SeatRole.Chair);
        var memberSeat = await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member);

        var result = await ChangeRoleAsync(staff, body.Slug, memberSeat, "Chair");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"already has a chair: {chair.Mayor} of {chair.Name}, OH.", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(SeatRole.Member, (await AllSeatsAsync(portal, body.Id)).Single(s => s.Id == memberSeat).Role);
    }

    [Fact]
    public async Task Ending_a_seat_moves_it_to_the_past_seats_and_frees_the_chair_for_another_mayor()
    {
        var staff = await portal.SignedInStaffAsync("Kim Staff");
        var body = await BodyAsync(portal);
        var old = await CityAsync(portal);
        var next = await CityAsync(portal);
        var seatId = await SeatAsync(portal, body, old, SeatRole.Chair, startsInDays: -100);
        var yesterday = portal.Clock.Today.AddDays(-1);

        var ended = await EndAsync(staff, body.Slug, seatId, Iso(yesterday));
        var appointed = await AppointAsync(staff, body.Slug, next, "Chair");

        Assert.True(ended.Status == HttpStatusCode.Redirect, string.Join(" ", ended.Errors));
        Assert.True(appointed.Status == HttpStatusCode.Redirect, string.Join(" ", appointed.Errors));
        var seat = (await AllSeatsAsync(portal, body.Id)).Single(s => s.Id == seatId);
        Assert.Equal(yesterday, seat.EndsOn);
        Assert.Equal("Kim Staff", seat.EndedBy);
        Assert.Contains(seat.Changes, c => c.Kind == SeatChangeKind.Ended && c.By == "Kim Staff");
        var roster = await portal.Client().GetAsync($"/committees/{body.Slug}");
        Assert.Equal(next.Mayor, Assert.Single(TableRows(roster, "roster"))[1]);
        var past = Assert.Single(TableRows(roster, "past-seats"));
        Assert.Equal(["Chair", old.Mayor, $"{old.Name}, CO"], past[..3]);
        Assert.EndsWith(yesterday.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), past[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seat_cannot_end_before_it_started_or_in_the_future()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var seatId = await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member, startsInDays: -10);
        var today = portal.Clock.Today;

        var early = await EndAsync(staff, body.Slug, seatId, Iso(today.AddDays(-11)));
        var future = await EndAsync(staff, body.Slug, seatId, Iso(today.AddDays(5)));

        Assert.Contains("it cannot end before it started", early.Errors[0], StringComparison.Ordinal);
        Assert.Contains("today or earlier", future.Errors[0], StringComparison.Ordinal);
        Assert.Null(Assert.Single(await AllSeatsAsync(portal, body.Id)).EndedAtUtc);
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_changed_the_seat_saves_nothing_and_says_so()
    {
        var (alice, bob) = (await portal.SignedInStaffAsync("Alice Staff"), await portal.SignedInStaffAsync("Bob Staff"));
        var body = await BodyAsync(portal);
        var seatId = await SeatAsync(portal, body, await CityAsync(portal), SeatRole.Member);
        var alicePage = await alice.GetAsync($"/staff/committees/{body.Slug}");

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeRoleAsync(bob, body.Slug, seatId, "ViceChair")).Status);
        var stale = await alice.SubmitAsync(alicePage, new Dictionary<string, string?>(), $"[data-testid=end-{seatId}]");

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("was changed by someone else while you were looking at it; nothing was saved", stale.Errors[0], StringComparison.Ordinal);
        var seat = Assert.Single(await AllSeatsAsync(portal, body.Id));
        Assert.Null(seat.EndedAtUtc);
        Assert.Equal(SeatRole.ViceChair, seat.Role);
    }

    [Fact]
    public async Task Terms_ending_within_60_days_are_listed_for_staff_soonest_first()
    {
        var staff = await portal.SignedInStaffAsync();
        var body = await BodyAsync(portal);
        var soon = await CityAsync(portal);
        var sooner = await CityAsync(portal);
        var later = await CityAsync(portal);
        await SeatAsync(portal, body, soon, SeatRole.Chair, endsInDays: 45);
        await SeatAsync(portal, body, sooner, SeatRole.Member, endsInDays: 3);
        await SeatAsync(portal, body, later, SeatRole.Member, endsInDays: 61);

        var page = await staff.GetAsync("/staff/committees");

        var mine = TableRows(page, "terms-ending").Where(r => r[1] == body.Name).ToList();
        Assert.Equal([sooner.Mayor, soon.Mayor], mine.Select(r => r[3]));
        Assert.EndsWith("(in 3 days)", mine[0][0], StringComparison.Ordinal);
        Assert.EndsWith("(in 45 days)", mine[1][0], StringComparison.Ordinal);
    }

    private static Task<PageResult> ChangeRoleAsync(PortalClient staff, string slug, int seatId, string role) =>
        staff.SubmitFormAsync($"/staff/committees/{slug}", new Dictionary<string, string?> { ["role"] = role }, $"[data-testid=change-role-{seatId}]");

    private static Task<PageResult> EndAsync(PortalClient staff, string slug, int seatId, string lastDay) =>
        staff.SubmitFormAsync($"/staff/committees/{slug}", new Dictionary<string, string?> { ["lastDay"] = lastDay }, $"[data-testid=end-{seatId}]");
}

public sealed class ChangingSeatsTests_Sqlite(SqlitePortal portal) : ChangingSeatsTests(portal), IClassFixture<SqlitePortal>;

public sealed class ChangingSeatsTests_Postgres(PostgresPortal portal) : ChangingSeatsTests(portal), IClassFixture<PostgresPortal>;

public sealed class ChangingSeatsTests_SqlServer(SqlServerPortal portal) : ChangingSeatsTests(portal), IClassFixture<SqlServerPortal>;

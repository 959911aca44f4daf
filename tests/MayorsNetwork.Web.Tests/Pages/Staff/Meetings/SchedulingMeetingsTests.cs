using System.Net;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Meetings;

/// <summary>Staff create and edit meetings; impossible dates and a missing title are refused and nothing is stored.</summary>
public abstract class SchedulingMeetingsTests(PortalFixture portal)
{
    [Fact]
    public async Task A_new_annual_meeting_is_stored_with_who_created_it_and_shown_on_the_public_list()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var title = $"Annual Meeting {Token()}";

        var result = await staff.SubmitFormAsync("/staff/meetings/create", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Annual", ["Input.Title"] = "  " + title + " ", ["Input.StartsOn"] = "2031-06-18", ["Input.EndsOn"] = "2031-06-21",
            ["Input.City"] = "Denver", ["Input.State"] = "co", ["Input.Deadline"] = "2031-05-19T17:00",
        });

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var meeting = await portal.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == title));
        Assert.Equal($"/staff/meetings/{meeting.Id}", result.Location);
        Assert.Equal(MeetingKind.Annual, meeting.Kind);
        Assert.Equal(new DateOnly(2031, 6, 18), meeting.StartsOn);
        Assert.Equal(new DateOnly(2031, 6, 21), meeting.EndsOn);
        Assert.Equal("Denver, CO", meeting.Place);
        Assert.Equal(new DateTime(2031, 5, 19, 17, 0, 0, DateTimeKind.Utc), meeting.ResolutionDeadlineUtc);
        Assert.Equal("Sam Staff", meeting.CreatedBy);
        var detail = await staff.GetAsync(result.Location!);
        Assert.Equal(title, detail.One("h1")?.TextContent);
        Assert.Equal("May 19, 2031 17:00 UTC", detail.One("[data-testid=deadline]")?.TextContent);
        var list = await portal.Client().GetAsync("/meetings");
        Assert.Contains(title, list.One("#upcoming-heading")?.NextElementSibling?.TextContent, StringComparison.Ordinal);
        var staffList = await staff.GetAsync("/staff/meetings");
        Assert.Contains(title, staffList.One("[data-testid=meetings]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_end_before_the_start_a_deadline_after_the_start_and_an_empty_title_are_refused_and_nothing_is_stored()
    {
        var staff = await portal.SignedInStaffAsync();
        var before = await portal.WithDbAsync(db => db.Meetings.CountAsync());

        var result = await staff.SubmitFormAsync("/staff/meetings/create", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Special", ["Input.Title"] = "   ", ["Input.StartsOn"] = "2031-06-18", ["Input.EndsOn"] = "2031-06-17",
            ["Input.City"] = "Denver", ["Input.State"] = "CO", ["Input.Deadline"] = "2031-06-18T00:01",
        });
        var garbage = await staff.SubmitFormAsync("/staff/meetings/create", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Picnic", ["Input.Title"] = "Picnic", ["Input.StartsOn"] = "18/06/2031", ["Input.EndsOn"] = "",
            ["Input.City"] = "", ["Input.State"] = "Colorado", ["Input.Deadline"] = "soon",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the meeting's title.", result.Errors);
        Assert.Contains("The meeting cannot end before it starts.", result.Errors);
        Assert.Contains("The resolution deadline must be no later than the start of the meeting.", result.Errors);
        Assert.Equal("true", result.One("#Input_EndsOn")?.GetAttribute("aria-invalid"));
        Assert.Contains("Choose the kind of meeting.", garbage.Errors);
        Assert.Contains("Enter the first day of the meeting, like 2027-06-18.", garbage.Errors);
        Assert.Contains("Enter the last day of the meeting, like 2027-06-21.", garbage.Errors);
        Assert.Contains("Enter the city where the meeting is held.", garbage.Errors);
        Assert.Contains("Enter the state as two letters, like DC.", garbage.Errors);
        Assert.Contains("Enter the resolution deadline as a date and time, like 2027-05-19T17:00.", garbage.Errors);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Editing_moves_the_meeting_and_a_bad_edit_changes_nothing()
    {
        var staff = await portal.SignedInStaffAsync("Kim Staff");
        var meeting = await MeetingSeeds.MeetingAsync(portal);

        var bad = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}/edit", new Dictionary<string, string?> { ["Input.EndsOn"] = meeting.StartsOn.AddDays(-2).ToString("yyyy-MM-dd") });
        var good = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}/edit", new Dictionary<string, string?> { ["Input.City"] = "Boise", ["Input.State"] = "ID" });

        Assert.Contains("The meeting cannot end before it starts.", bad.Errors);
        Assert.True(good.Status == HttpStatusCode.Redirect, string.Join(" ", good.Errors));
        var saved = await portal.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal("Boise, ID", saved.Place);
        Assert.Equal(meeting.EndsOn, saved.EndsOn);
        Assert.Equal("Kim Staff", saved.UpdatedBy);
    }

    [Fact]
    public async Task An_edit_from_a_form_opened_before_another_staff_member_saved_keeps_theirs_and_says_so()
    {
        var first = await portal.SignedInStaffAsync("First Staff");
        var second = await portal.SignedInStaffAsync("Second Staff");
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var stale = await second.GetAsync($"/staff/meetings/{meeting.Id}/edit");

        var saved = await first.SubmitFormAsync($"/staff/meetings/{meeting.Id}/edit", new Dictionary<string, string?> { ["Input.City"] = "Austin", ["Input.State"] = "TX" });
        var refused = await second.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.City"] = "Reno", ["Input.State"] = "NV" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains($"{meeting.Title} was changed by First Staff while you were editing it; nothing was saved. Here it is as it is now; make your change again.", refused.Errors);
        Assert.Equal("Austin, TX", (await portal.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Place);
    }
}

public sealed class SchedulingMeetingsTests_Sqlite(SqlitePortal p) : SchedulingMeetingsTests(p), IClassFixture<SqlitePortal>;

public sealed class SchedulingMeetingsTests_Postgres(PostgresPortal p) : SchedulingMeetingsTests(p), IClassFixture<PostgresPortal>;

public sealed class SchedulingMeetingsTests_SqlServer(SqlServerPortal p) : SchedulingMeetingsTests(p), IClassFixture<SqlServerPortal>;

using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>A meeting ends no earlier than it starts and takes resolutions until no later than its start.</summary>
public class MeetingRulesTests
{
    private static readonly DateOnly Start = new(2027, 6, 18);

    private static Meeting Valid() => new()
    {
        Kind = MeetingKind.Annual, Title = "95th Annual Meeting", PlaceCity = "Denver", PlaceState = "CO",
        StartsOn = Start, EndsOn = Start.AddDays(3), ResolutionDeadlineUtc = new DateTime(2027, 5, 19, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void A_meeting_with_a_title_place_and_sensible_dates_is_valid() => Assert.Empty(Valid().Validate());

    [Fact]
    public void A_one_day_meeting_ending_the_day_it_starts_is_valid()
    {
        var m = Valid();
        m.EndsOn = m.StartsOn;
        Assert.Empty(m.Validate());
    }

    [Fact]
    public void A_meeting_ending_before_it_starts_is_refused()
    {
        var m = Valid();
        m.EndsOn = m.StartsOn.AddDays(-1);
        Assert.Equal(["The meeting cannot end before it starts."], m.Validate());
    }

    [Fact]
    public void A_deadline_exactly_at_the_start_is_allowed_and_one_second_later_is_refused()
    {
        var m = Valid();
        m.ResolutionDeadlineUtc = new DateTime(2027, 6, 18, 0, 0, 0, DateTimeKind.Utc);
        Assert.Empty(m.Validate());
        m.ResolutionDeadlineUtc = m.ResolutionDeadlineUtc.AddSeconds(1);
        Assert.Equal(["The resolution deadline must be no later than the start of the meeting."], m.Validate());
    }

    [Theory]
    [InlineData("", "Denver", "CO", "Enter the meeting's title.")]
    [InlineData("  ", "Denver", "CO", "Enter the meeting's title.")]
    [InlineData("Annual", "", "CO", "Enter the city where the meeting is held.")]
    [InlineData("Annual", "Denver", "Colorado", "Enter the state as two letters, like DC.")]
    public void Missing_title_or_place_is_refused(string title, string city, string state, string error)
    {
        var m = Valid();
        m.Title = title;
        m.PlaceCity = city;
        m.PlaceState = state;
        Assert.Equal([error], m.Validate());
    }

    [Fact]
    public void A_meeting_is_past_only_after_its_last_day()
    {
        var m = Valid();
        Assert.False(m.IsPast(m.EndsOn));
        Assert.True(m.IsPast(m.EndsOn.AddDays(1)));
    }

    [Theory]
    [InlineData(MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Invoiced)]
    [InlineData(MembershipStatus.Approved)]
    public void Only_active_cities_are_credentialed(MembershipStatus status)
    {
        Assert.Null(Credential.Refusal(MembershipStatus.Active));
        Assert.Equal($"Only Active member cities can be credentialed; this city's membership is {status}.", Credential.Refusal(status));
    }

    [Fact]
    public void Check_in_records_who_and_when_once()
    {
        var c = new Credential { DelegateName = "Robin Mayor" };
        var at = new DateTime(2027, 6, 18, 9, 0, 0, DateTimeKind.Utc);
        Assert.True(c.CheckIn("Sam Staff", at));
        Assert.False(c.CheckIn("Kim Staff", at.AddHours(1)));
        Assert.Equal(at, c.CheckedInAtUtc);
        Assert.Equal("Sam Staff", c.CheckedInBy);
    }
}

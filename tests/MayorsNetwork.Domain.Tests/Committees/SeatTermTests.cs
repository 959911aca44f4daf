using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Domain.Tests.Committees;

/// <summary>A seat's term (start, optional end), when it is current, and the record of every change.</summary>
public class SeatTermTests
{
    private static readonly DateOnly Start = new(2026, 7, 1);
    private static readonly DateTime Now = new(2026, 7, 1, 15, 0, 0, DateTimeKind.Utc);

    private static Seat Seat(DateOnly? endsOn = null) =>
        MayorsNetwork.Domain.Committees.Seat.Appoint(3, 7, "Mayor Robin Mayor", SeatRole.Member, Start, endsOn, "Sam Staff", Now);

    [Fact]
    public void An_end_date_before_the_start_is_refused_with_both_dates_in_the_message()
    {
        var why = SeatRules.CheckTerm(Start, Start.AddDays(-1));

        Assert.Equal("The term cannot end (June 30, 2026) before it starts (July 1, 2026).", why);
    }

    [Fact]
    public void A_term_may_end_the_day_it_starts_or_have_no_end()
    {
        Assert.Null(SeatRules.CheckTerm(Start, Start));
        Assert.Null(SeatRules.CheckTerm(Start, null));
    }

    [Fact]
    public void A_seat_is_current_from_its_first_day_to_its_last_day_inclusive()
    {
        var seat = Seat(new DateOnly(2027, 6, 30));

        Assert.False(seat.IsCurrent(Start.AddDays(-1)));
        Assert.True(seat.IsCurrent(Start));
        Assert.True(seat.IsCurrent(new DateOnly(2027, 6, 30)));
        Assert.False(seat.IsCurrent(new DateOnly(2027, 7, 1)));
        Assert.True(seat.HasRunOut(new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public void A_seat_without_an_end_stays_current()
    {
        Assert.True(Seat().IsCurrent(new DateOnly(2040, 1, 1)));
        Assert.False(Seat().HasRunOut(new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void Appointing_records_who_and_when_and_the_term()
    {
        var seat = Seat(new DateOnly(2027, 6, 30));

        Assert.Equal("Sam Staff", seat.AppointedBy);
        Assert.Equal(Now, seat.AppointedAtUtc);
        var change = Assert.Single(seat.Changes);
        Assert.Equal(SeatChangeKind.Appointed, change.Kind);
        Assert.Equal("Sam Staff", change.By);
        Assert.Equal("Member from 2026-07-01 to 2027-06-30", change.Detail);
    }

    [Fact]
    public void Ending_a_seat_keeps_it_with_its_end_date_and_who_ended_it_and_it_is_no_longer_current()
    {
        var seat = Seat();
        var later = Now.AddDays(40);

        seat.End(new DateOnly(2026, 8, 10), "Kim Staff", later);

        Assert.False(seat.IsOpen);
        Assert.False(seat.IsCurrent(new DateOnly(2026, 8, 1)));
        Assert.Equal(new DateOnly(2026, 8, 10), seat.EndsOn);
        Assert.Equal("Kim Staff", seat.EndedBy);
        Assert.Equal(later, seat.EndedAtUtc);
        Assert.Equal([SeatChangeKind.Appointed, SeatChangeKind.Ended], seat.Changes.Select(c => c.Kind));
        Assert.Throws<InvalidOperationException>(() => seat.End(new DateOnly(2026, 8, 11), "Kim Staff", later));
    }

    [Fact]
    public void Changing_the_role_records_the_old_and_new_role_and_a_new_version()
    {
        var seat = Seat();
        var version = seat.Version;

        seat.ChangeRole(SeatRole.ViceChair, "Kim Staff", Now.AddDays(1));

        Assert.Equal(SeatRole.ViceChair, seat.Role);
        Assert.NotEqual(version, seat.Version);
        Assert.Equal("Member → Vice chair", seat.Changes[^1].Detail);
        Assert.Equal("Kim Staff", seat.Changes[^1].By);
    }
}

public class SeatTermCultureTests
{
    [Fact]
    public void The_term_message_reads_the_same_on_a_German_server()
    {
        using var _ = new CultureScope("de-DE");

        Assert.Equal("The term cannot end (June 30, 2026) before it starts (July 1, 2026).", SeatRules.CheckTerm(new DateOnly(2026, 7, 1), new DateOnly(2026, 6, 30)));
    }
}

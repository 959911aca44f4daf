using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Domain.Tests.Committees;

/// <summary>Rosters read chair first, then vice chair, members and ex officio; within a role by the mayor's name.</summary>
public class RosterOrderTests
{
    [Fact]
    public void A_roster_lists_chair_vice_chair_members_then_ex_officio_and_members_by_name()
    {
        var seats = new[]
        {
            (Role: SeatRole.ExOfficio, Mayor: "Ann Officer"),
            (Role: SeatRole.Member, Mayor: "Zed Zimmer"),
            (Role: SeatRole.Member, Mayor: "amy adams"),
            (Role: SeatRole.ViceChair, Mayor: "Vic Vice"),
            (Role: SeatRole.Chair, Mayor: "Cho Chair"),
        };

        var ordered = seats.InRosterOrder(s => s.Role, s => s.Mayor, _ => "").Select(s => s.Mayor);

        Assert.Equal(["Cho Chair", "Vic Vice", "amy adams", "Zed Zimmer", "Ann Officer"], ordered);
    }

    [Theory]
    [InlineData("Chair", SeatRole.Chair)]
    [InlineData("vicechair", SeatRole.ViceChair)]
    [InlineData("ExOfficio", SeatRole.ExOfficio)]
    [InlineData("1", null)]
    [InlineData("President", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_role_is_read_from_its_name_only(string? text, SeatRole? expected) => Assert.Equal(expected, SeatRoles.Parse(text));

    [Fact]
    public void Only_chair_and_vice_chair_are_held_by_one_seat_at_a_time()
    {
        Assert.True(SeatRole.Chair.IsSingleHolder());
        Assert.True(SeatRole.ViceChair.IsSingleHolder());
        Assert.False(SeatRole.Member.IsSingleHolder());
        Assert.False(SeatRole.ExOfficio.IsSingleHolder());
    }
}

using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>Registering to attend a meeting, and checking in: a mayor's or staff member's arrival checks in the city's credential.</summary>
public class RegistrantTests
{
    private static readonly DateTime Now = new(2026, 6, 12, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_member_citys_mayor_registers_with_a_badge_name_from_their_name()
    {
        var result = Registrant.Register(1, 7, MembershipStatus.Active, "u-mayor", new RegistrantDetails("  Aaron Brockett ", "Mayor", RegistrantRole.Mayor, "", "Step-free seating"), Now);

        var r = result.Value;
        Assert.Equal("Aaron Brockett", r.Name);
        Assert.Equal("Aaron Brockett", r.BadgeName);
        Assert.Equal("Mayor", r.Title);
        Assert.Equal(RegistrantRole.Mayor, r.Role);
        Assert.Equal("Step-free seating", r.AccessibilityNeeds);
        Assert.Equal(Now, r.RegisteredAtUtc);
        Assert.False(r.IsCheckedIn);
    }

    [Theory]
    [InlineData(MembershipStatus.Applied)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Withdrawn)]
    public void Only_member_cities_register(MembershipStatus status)
    {
        var result = Registrant.Register(1, 7, status, null, new RegistrantDetails("A", "", RegistrantRole.Staff, null, null), Now);

        Assert.Equal(Registrant.NotMember, result.Error!.Code);
    }

    [Fact]
    public void Every_bad_field_is_reported_under_its_own_name()
    {
        var errors = Registrant.Check(new RegistrantDetails("", new string('t', 121), (RegistrantRole)9, new string('b', 41), new string('a', 1_001)));

        Assert.Equal(["Name", "Title", "Role", "BadgeName", "AccessibilityNeeds"], errors.Select(e => e.Property));
    }

    [Fact]
    public void A_name_too_long_for_a_badge_needs_a_badge_name()
    {
        var longName = "Honorable " + new string('x', 35);

        Assert.Equal(Registrant.BadBadgeName, Assert.Single(Registrant.Check(new RegistrantDetails(longName, "", RegistrantRole.Mayor, null, null))).Code);
        Assert.Empty(Registrant.Check(new RegistrantDetails(longName, "", RegistrantRole.Mayor, "Mayor X", null)));
    }

    [Fact]
    public void A_staff_members_check_in_checks_in_the_citys_credential()
    {
        var registrant = Register(RegistrantRole.Staff);
        var credential = Credential();

        var result = registrant.CheckIn(credential, "Desk 2", Now);

        Assert.Equal(new CheckInResult(true, true, "Elesha Johnson is checked in; the city is now present."), result);
        Assert.True(registrant.IsCheckedIn);
        Assert.Equal("Desk 2", registrant.CheckedInBy);
        Assert.True(credential.IsCheckedIn);
        Assert.Equal(Now, credential.CheckedInAtUtc);
    }

    [Fact]
    public void A_second_arrival_of_the_city_keeps_the_first_time()
    {
        var credential = Credential();
        Register(RegistrantRole.Mayor).CheckIn(credential, "Desk 1", Now);

        var second = Register(RegistrantRole.Staff).CheckIn(credential, "Desk 2", Now.AddMinutes(10));

        Assert.Equal(new CheckInResult(true, false, "Elesha Johnson is checked in; the city was already present."), second);
        Assert.Equal(Now, credential.CheckedInAtUtc);
    }

    [Fact]
    public void Scanning_the_same_code_twice_changes_nothing_and_says_so()
    {
        var registrant = Register(RegistrantRole.Staff);
        var credential = Credential();
        registrant.CheckIn(credential, "Desk 1", Now);

        var again = registrant.CheckIn(credential, "Desk 2", Now.AddMinutes(1));

        Assert.False(again.RegistrantCheckedIn);
        Assert.Equal("Elesha Johnson was already checked in; the city was already present.", again.Message);
        Assert.Equal(Now, registrant.CheckedInAtUtc);
        Assert.Equal("Desk 1", registrant.CheckedInBy);
    }

    [Fact]
    public void A_guests_arrival_does_not_make_the_city_present()
    {
        var credential = Credential();

        var result = Register(RegistrantRole.Guest).CheckIn(credential, "Desk 1", Now);

        Assert.Equal(new CheckInResult(true, false, "Elesha Johnson is checked in as a guest."), result);
        Assert.False(credential.IsCheckedIn);
    }

    [Fact]
    public void A_city_without_a_credential_is_told_it_has_no_vote()
    {
        var result = Register(RegistrantRole.Mayor).CheckIn(null, "Desk 1", Now);

        Assert.True(result.RegistrantCheckedIn);
        Assert.False(result.CityCheckedIn);
        Assert.Equal("Elesha Johnson is checked in; the city is not credentialed for this meeting, so it has no vote here.", result.Message);
    }

    [Fact]
    public void Another_citys_credential_is_a_programming_error()
    {
        var other = Credential();
        other.MembershipId = 99;

        Assert.Throws<ArgumentException>(() => Register(RegistrantRole.Mayor).CheckIn(other, "Desk", Now));
    }

    [Fact]
    public void The_role_is_kept_once_checked_in()
    {
        var registrant = Register(RegistrantRole.Guest);
        Assert.True(registrant.Update(new RegistrantDetails("Elesha Johnson", "Clerk", RegistrantRole.Staff, "Elesha", null)).Succeeded);
        Assert.Equal(RegistrantRole.Staff, registrant.Role);
        registrant.CheckIn(Credential(), "Desk", Now);

        var change = registrant.Update(new RegistrantDetails("Elesha Johnson", "Clerk", RegistrantRole.Guest, "Elesha", null));

        Assert.Equal(Registrant.BadRole, change.Error!.Code);
        Assert.True(registrant.Update(new RegistrantDetails("Elesha Johnson", "City Clerk", RegistrantRole.Staff, "Elesha J.", null)).Succeeded);
        Assert.Equal("Elesha J.", registrant.BadgeName);
    }

    private static Registrant Register(RegistrantRole role) =>
        Registrant.Register(1, 7, MembershipStatus.Active, "u-1", new RegistrantDetails("Elesha Johnson", "City Clerk", role, null, null), Now).Value;

    private static Credential Credential() => new() { MeetingId = 1, MembershipId = 7, DelegateName = "Mayor Aaron Brockett" };
}

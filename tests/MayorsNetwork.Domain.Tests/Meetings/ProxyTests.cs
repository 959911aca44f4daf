using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>
/// Proxies: who may be designated, the maximum per holder, acceptance, revocation until the first vote opens,
/// refusal by staff, and counting only while the holder is checked in.
/// </summary>
public class ProxyTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly ProxyGrantor Boulder = new(7, "Boulder, CO", true, "u-boulder-mayor", "Mayor Aaron Brockett");
    private static readonly ProxyGrantor Ames = new(8, "Ames, IA", true, "u-ames-mayor", "Mayor John Haila");
    private static readonly ProxyGrantor Dubuque = new(9, "Dubuque, IA", true, "u-dubuque-mayor", "Mayor Brad Cavanagh");
    private static readonly ProxyCandidate PhoenixMayor = new("u-phoenix-mayor", "Kate Gallego", 3, "Phoenix, AZ", IsMayor: true, CityIsCredentialed: true);
    private static readonly ProxyCandidate BoulderClerk = new("u-boulder-clerk", "Elesha Johnson", 7, "Boulder, CO", IsMayor: false, CityIsCredentialed: true);

    [Fact]
    public void A_credentialed_citys_mayor_designates_the_mayor_of_another_credentialed_city()
    {
        var result = Proxy.Designate(Rules(), Boulder, PhoenixMayor, [], Now);

        var proxy = result.Value;
        Assert.Equal(ProxyStatus.Offered, proxy.Status);
        Assert.Equal(ProxyHolderKind.MayorOfAnotherCity, proxy.HolderKind);
        Assert.Equal(1, proxy.MeetingId);
        Assert.Equal(7, proxy.GrantorMembershipId);
        Assert.Equal("u-boulder-mayor", proxy.DesignatedByUserId);
        Assert.Equal("u-phoenix-mayor", proxy.HolderUserId);
        Assert.Equal(3, proxy.HolderMembershipId);
        Assert.Equal(Now, proxy.DesignatedAtUtc);
        Assert.False(proxy.Counts(holderCheckedIn: true)); // not accepted yet
    }

    [Fact]
    public void A_named_official_of_the_same_city_with_an_account_may_hold_it()
    {
        var proxy = Proxy.Designate(Rules(), Boulder, BoulderClerk, [], Now).Value;

        Assert.Equal(ProxyHolderKind.OfficialOfSameCity, proxy.HolderKind);
        Assert.Equal(7, proxy.HolderMembershipId);
    }

    [Fact]
    public void Someone_of_another_city_who_is_not_its_mayor_or_whose_city_is_not_credentialed_may_not()
    {
        var phoenixClerk = PhoenixMayor with { UserId = "u-phoenix-clerk", Name = "Denise Archibald", IsMayor = false };
        var uncredentialed = PhoenixMayor with { CityIsCredentialed = false };

        var clerk = Proxy.Designate(Rules(), Boulder, phoenixClerk, [], Now);
        var absentCity = Proxy.Designate(Rules(), Boulder, uncredentialed, [], Now);

        Assert.Equal(new RuleError(Proxy.NotEligible, "Denise Archibald is not the mayor of Phoenix, AZ: a proxy from another city must be the mayor of a credentialed city.", "HolderUserId"), clerk.Error);
        Assert.Equal("Kate Gallego's city, Phoenix, AZ, is not credentialed for this meeting: a proxy from another city must be the mayor of a credentialed city.", absentCity.Error!.Message);
    }

    [Fact]
    public void An_official_without_an_account_cannot_hold_it()
    {
        var noAccount = BoulderClerk with { UserId = "" };

        Assert.Equal("Elesha Johnson has no account on the portal: a proxy holder signs in to cast the ballot.",
            Proxy.Designate(Rules(), Boulder, noAccount, [], Now).Error!.Message);
    }

    [Fact]
    public void The_mayor_cannot_name_themself()
    {
        var self = new ProxyCandidate("u-boulder-mayor", "Aaron Brockett", 7, "Boulder, CO", true, true);

        Assert.Equal(Proxy.NotEligible, Proxy.Designate(Rules(), Boulder, self, [], Now).Error!.Code);
    }

    [Fact]
    public void Proxies_off_an_uncredentialed_city_or_a_started_meeting_are_refused()
    {
        Assert.Equal(Proxy.ProxiesOff, Proxy.Designate(MeetingRules.Default(1), Boulder, PhoenixMayor, [], Now).Error!.Code);
        Assert.Equal("Boulder, CO is not credentialed for this meeting, so it has no vote to give by proxy.",
            Proxy.Designate(Rules(), Boulder with { IsCredentialed = false }, PhoenixMayor, [], Now).Error!.Message);
        var started = Rules();
        started.Lock(Now);
        Assert.Equal(Proxy.TooLate, Proxy.Designate(started, Boulder, PhoenixMayor, [], Now).Error!.Code);
    }

    [Fact]
    public void A_city_has_one_live_proxy_at_a_time()
    {
        var rules = Rules(max: 3);
        var first = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;

        var second = Proxy.Designate(rules, Boulder, BoulderClerk, [first], Now);

        Assert.Equal(Proxy.AlreadyDesignated, second.Error!.Code);
        first.Revoke(true, "Aaron Brockett", rules, Now);
        Assert.True(Proxy.Designate(rules, Boulder, BoulderClerk, [first], Now).Succeeded);
    }

    [Fact]
    public void A_holder_carrying_the_maximum_is_refused_one_more_and_offers_count()
    {
        var rules = Rules(max: 2);
        var fromBoulder = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;
        var fromAmes = Proxy.Designate(rules, Ames, PhoenixMayor, [fromBoulder], Now).Value;

        var fromDubuque = Proxy.Designate(rules, Dubuque, PhoenixMayor, [fromBoulder, fromAmes], Now);

        Assert.Equal(new RuleError(Proxy.HolderFull, "Kate Gallego already carries 2 cities by proxy, the most this meeting allows.", "HolderUserId"), fromDubuque.Error);

        // Once one declines, there is room again.
        Assert.True(fromAmes.Decline("u-phoenix-mayor", rules, "Cannot attend", Now).Succeeded);
        Assert.True(Proxy.Designate(rules, Dubuque, PhoenixMayor, [fromBoulder, fromAmes], Now).Succeeded);
    }

    [Fact]
    public void Only_the_holder_accepts_and_acceptance_rechecks_the_maximum()
    {
        var rules = Rules(max: 1);
        var fromBoulder = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;
        // An offer from Ames crossed when rules allowed more; now only one may be accepted.
        var loose = Rules(max: 2);
        var fromAmes = Proxy.Designate(loose, Ames, PhoenixMayor, [fromBoulder], Now).Value;

        Assert.Equal(Proxy.NotHolder, fromBoulder.Accept("u-someone-else", rules, [fromBoulder, fromAmes], Now).Error!.Code);
        Assert.True(fromBoulder.Accept("u-phoenix-mayor", rules, [fromBoulder, fromAmes], Now).Succeeded);
        Assert.Equal(ProxyStatus.Accepted, fromBoulder.Status);
        Assert.Equal(Now, fromBoulder.AcceptedAtUtc);

        Assert.Equal(Proxy.HolderFull, fromAmes.Accept("u-phoenix-mayor", rules, [fromBoulder, fromAmes], Now).Error!.Code);
        Assert.Equal(ProxyStatus.Offered, fromAmes.Status);
        Assert.Equal(Proxy.WrongStatus, fromBoulder.Accept("u-phoenix-mayor", rules, [fromBoulder, fromAmes], Now).Error!.Code);
    }

    [Fact]
    public void The_mayor_revokes_until_the_first_vote_opens_and_not_after()
    {
        var rules = Rules();
        var early = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;
        var late = Proxy.Designate(rules, Ames, BoulderClerk with { MembershipId = 8, City = "Ames, IA", UserId = "u-ames-clerk" }, [early], Now).Value;

        Assert.Equal(Proxy.NotGrantor, early.Revoke(false, "Someone", rules, Now).Error!.Code);
        Assert.True(early.Revoke(true, "Aaron Brockett", rules, Now.AddHours(1)).Succeeded);
        Assert.Equal(ProxyStatus.Revoked, early.Status);
        Assert.Equal("Aaron Brockett", early.EndedBy);
        Assert.False(early.IsLive);

        rules.Lock(Now.AddHours(2));
        var refused = late.Revoke(true, "John Haila", rules, Now.AddHours(3));
        Assert.Equal(Proxy.TooLate, refused.Error!.Code);
        Assert.Equal(ProxyStatus.Offered, late.Status);
    }

    [Fact]
    public void Staff_refuse_a_proxy_with_a_reason_even_during_the_meeting()
    {
        var rules = Rules();
        var proxy = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;
        proxy.Accept("u-phoenix-mayor", rules, [proxy], Now);
        rules.Lock(Now.AddHours(1));

        Assert.Equal(Proxy.ReasonNeeded, proxy.Refuse("  ", "Staff", Now).Error!.Code);
        Assert.True(proxy.Refuse("The council's designation letter names someone else.", "Sam Staff", Now.AddHours(2)).Succeeded);

        Assert.Equal(ProxyStatus.Refused, proxy.Status);
        Assert.Equal("The council's designation letter names someone else.", proxy.Reason);
        Assert.Equal("Sam Staff", proxy.EndedBy);
        Assert.False(proxy.Counts(holderCheckedIn: true));
        Assert.Equal(Proxy.WrongStatus, proxy.Refuse("Again", "Sam Staff", Now).Error!.Code);
    }

    [Fact]
    public void An_accepted_proxy_counts_only_while_its_holder_is_checked_in()
    {
        var rules = Rules();
        var proxy = Proxy.Designate(rules, Boulder, PhoenixMayor, [], Now).Value;
        proxy.Accept("u-phoenix-mayor", rules, [proxy], Now);

        Assert.True(proxy.Counts(holderCheckedIn: true));
        Assert.False(proxy.Counts(holderCheckedIn: false));
    }

    [Fact]
    public void Proxies_of_other_meetings_do_not_count_toward_this_ones_limits()
    {
        var other = Proxy.Designate(Rules(meetingId: 2), Boulder, PhoenixMayor, [], Now).Value;

        Assert.True(Proxy.Designate(Rules(meetingId: 1), Boulder, PhoenixMayor, [other], Now).Succeeded);
    }

    private static MeetingRules Rules(int max = 1, int meetingId = 1)
    {
        var rules = MeetingRules.Default(meetingId);
        rules.Update(new MeetingRulesSettings(ProxiesAllowed: true, MaxCitiesPerProxyHolder: max), "Staff", Now);
        return rules;
    }
}

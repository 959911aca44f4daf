using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>
/// Who may cast a city's ballot: the delegate, the first N alternates the meeting allows, or the holder of an accepted
/// proxy while checked in; one ballot per city, recorded with the capacity.
/// </summary>
public class CastingRightsTests
{
    private static readonly DateTime Now = new(2026, 6, 12, 9, 0, 0, DateTimeKind.Utc);

    private static readonly ElectorCity Boulder = new(7, "Boulder, CO", 4, ["u-boulder-mayor"], ["ALT1@BOULDER.GOV", "ALT2@BOULDER.GOV"]);
    private static readonly ElectorCity Ames = new(8, "Ames, IA", 2, ["u-ames-mayor"], []);
    private static readonly ElectorCity Dubuque = new(9, "Dubuque, IA", 2, ["u-dubuque-mayor"], []);

    [Fact]
    public void The_mayor_casts_as_delegate()
    {
        Assert.Equal(CastAs.Delegate, CastingRights.Check("u-boulder-mayor", null, Boulder, Rules(), [], false, null).Value);
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(1, CastAs.Alternate, null)]
    [InlineData(2, CastAs.Alternate, CastAs.Alternate)]
    public void Alternates_cast_as_far_as_the_meeting_allows(int allowed, CastAs? first, CastAs? second)
    {
        var rules = Rules(alternates: allowed);

        Assert.Equal(first, CastingRights.CapacityFor("u-a1", "ALT1@BOULDER.GOV", Boulder, rules, [], false));
        Assert.Equal(second, CastingRights.CapacityFor("u-a2", "ALT2@BOULDER.GOV", Boulder, rules, [], false));
    }

    [Fact]
    public void An_accepted_proxy_casts_as_proxy_only_while_its_holder_is_checked_in()
    {
        var rules = Rules(proxies: true);
        var proxy = AcceptedProxy(rules, Boulder, "u-phoenix-mayor");

        Assert.Equal(CastAs.Proxy, CastingRights.Check("u-phoenix-mayor", null, Boulder, rules, [proxy], isCheckedIn: true, null).Value);

        var absent = CastingRights.Check("u-phoenix-mayor", null, Boulder, rules, [proxy], isCheckedIn: false, null);
        Assert.Equal(CastingRights.ProxyNotCheckedIn, absent.Error!.Code);
        Assert.Equal("You hold Boulder, CO's proxy, but a proxy counts only while its holder is checked in at the meeting.", absent.Error.Message);
    }

    [Fact]
    public void An_offered_proxy_must_be_accepted_first_and_a_refused_one_gives_no_right()
    {
        var rules = Rules(proxies: true);
        var offered = Proxy.Designate(rules, Grantor(Boulder), Holder("u-phoenix-mayor"), [], Now).Value;

        Assert.Equal(CastingRights.ProxyNotAccepted, CastingRights.Check("u-phoenix-mayor", null, Boulder, rules, [offered], true, null).Error!.Code);

        offered.Refuse("Not on the council's letter", "Staff", Now);
        Assert.Equal(CastingRights.NotElector, CastingRights.Check("u-phoenix-mayor", null, Boulder, rules, [offered], true, null).Error!.Code);
    }

    [Fact]
    public void Someone_else_is_refused_with_who_can_cast()
    {
        var result = CastingRights.Check("u-stranger", "STRANGER@EXAMPLE.ORG", Boulder, Rules(alternates: 2, proxies: true), [], true, null);

        Assert.Equal("You cannot cast Boulder, CO's ballot: only its mayor, its named alternates or the holder of its proxy can.", result.Error!.Message);
        Assert.Equal("You cannot cast Boulder, CO's ballot: only its mayor or its named alternate can.",
            CastingRights.Check("u-stranger", null, Boulder, Rules(), [], true, null).Error!.Message);
        Assert.Equal("You cannot cast Boulder, CO's ballot: only its mayor can.",
            CastingRights.Check("u-a1", "ALT1@BOULDER.GOV", Boulder, Rules(alternates: 0), [], true, null).Error!.Message);
    }

    [Fact]
    public void Whoever_acts_first_casts_the_one_ballot_and_the_other_is_told_who_did()
    {
        var rules = Rules(proxies: true);
        var proxy = AcceptedProxy(rules, Boulder, "u-phoenix-mayor");
        var cast = new Ballot { VoteId = 1, MembershipId = 7, CastByUserId = "u-phoenix-mayor", CastByName = "Kate Gallego", CastAs = CastAs.Proxy, Choice = BallotChoice.Yes };

        var mayor = CastingRights.Check("u-boulder-mayor", null, Boulder, rules, [proxy], false, cast);

        Assert.Equal(CastingRights.AlreadyVoted, mayor.Error!.Code);
        Assert.Equal("Boulder, CO has already voted: its ballot was cast by Kate Gallego as proxy. Each city casts one ballot, final once cast.", mayor.Error.Message);
        Assert.Equal(CastingRights.AlreadyVoted, CastingRights.Check("u-phoenix-mayor", null, Boulder, rules, [proxy], true, cast).Error!.Code);
    }

    [Fact]
    public void Someone_who_is_both_alternate_and_proxy_holder_casts_as_alternate()
    {
        var rules = Rules(proxies: true);
        var proxy = AcceptedProxy(rules, Boulder, "u-a1", sameCity: true);

        Assert.Equal(CastAs.Alternate, CastingRights.CapacityFor("u-a1", "ALT1@BOULDER.GOV", Boulder, rules, [proxy], true));
    }

    [Fact]
    public void A_holders_ballot_page_lists_their_own_city_and_each_city_they_carry()
    {
        var rules = Rules(proxies: true, max: 2);
        var phoenix = new ElectorCity(3, "Phoenix, AZ", 20, ["u-phoenix-mayor"], []);
        var fromBoulder = AcceptedProxy(rules, Boulder, "u-phoenix-mayor");
        var fromAmes = AcceptedProxy(rules, Ames, "u-phoenix-mayor", others: [fromBoulder]);

        var rights = CastingRights.For("u-phoenix-mayor", null, [phoenix, Boulder, Ames, Dubuque], rules, [fromBoulder, fromAmes], isCheckedIn: true);

        Assert.Equal(
        [
            new BallotRight(3, "Phoenix, AZ", 20, CastAs.Delegate),
            new BallotRight(7, "Boulder, CO", 4, CastAs.Proxy),
            new BallotRight(8, "Ames, IA", 2, CastAs.Proxy),
        ], rights);
        Assert.Equal([new BallotRight(3, "Phoenix, AZ", 20, CastAs.Delegate)],
            CastingRights.For("u-phoenix-mayor", null, [phoenix, Boulder, Ames], rules, [fromBoulder, fromAmes], isCheckedIn: false));
    }

    [Fact]
    public void Proxies_give_no_right_when_the_meetings_rules_have_them_off()
    {
        var on = Rules(proxies: true);
        var proxy = AcceptedProxy(on, Boulder, "u-phoenix-mayor");

        Assert.Null(CastingRights.CapacityFor("u-phoenix-mayor", null, Boulder, Rules(proxies: false), [proxy], true));
    }

    private static MeetingRules Rules(int alternates = 1, bool proxies = false, int max = 1)
    {
        var rules = MeetingRules.Default(1);
        rules.Update(new MeetingRulesSettings(AlternatesAllowed: alternates, ProxiesAllowed: proxies, MaxCitiesPerProxyHolder: max), "Staff", Now);
        return rules;
    }

    private static ProxyGrantor Grantor(ElectorCity city) => new(city.MembershipId, city.City, true, city.DelegateUserIds.First(), "Mayor");

    private static ProxyCandidate Holder(string userId, bool sameCity = false) =>
        new(userId, "Kate Gallego", sameCity ? 7 : 3, sameCity ? "Boulder, CO" : "Phoenix, AZ", IsMayor: !sameCity, CityIsCredentialed: true);

    private static Proxy AcceptedProxy(MeetingRules rules, ElectorCity city, string holderUserId, bool sameCity = false, Proxy[]? others = null)
    {
        var proxy = Proxy.Designate(rules, Grantor(city), Holder(holderUserId, sameCity), others ?? [], Now).Value;
        Assert.True(proxy.Accept(holderUserId, rules, [.. others ?? [], proxy], Now).Succeeded);
        return proxy;
    }
}

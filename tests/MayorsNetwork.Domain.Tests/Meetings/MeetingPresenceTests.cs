using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Domain.Tests.Meetings;

/// <summary>The live count on the credential page: cities checked in (or carried by a checked-in proxy holder), their weight, and quorum.</summary>
public class MeetingPresenceTests
{
    [Fact]
    public void Cities_present_in_person_or_by_a_counting_proxy_are_counted_with_their_weight()
    {
        var rules = Weighted(QuorumBasis.Weight);

        var presence = MeetingPresence.Of([(20, true, false), (4, false, true), (2, false, false), (1, false, false)], rules, 50);

        Assert.Equal(new MeetingPresence(4, 27, 2, 24, 14, true), presence);
    }

    [Fact]
    public void The_same_room_makes_quorum_in_weight_but_not_in_cities()
    {
        (int, bool, bool)[] room = [(20, true, false), (1, false, false), (1, false, false), (1, false, false)];

        Assert.True(MeetingPresence.Of(room, Weighted(QuorumBasis.Weight), 50).QuorumPresent);
        var byCities = MeetingPresence.Of(room, Weighted(QuorumBasis.Cities), 50);
        Assert.False(byCities.QuorumPresent);
        Assert.Equal(2, byCities.QuorumNeeded);
    }

    [Fact]
    public void With_one_vote_per_city_weight_and_cities_agree()
    {
        var presence = MeetingPresence.Of([(1, true, false), (1, true, false), (1, false, false)], MeetingRules.Default(1), 67);

        Assert.Equal(2, presence.PresentWeight);
        Assert.Equal(3, presence.QuorumNeeded); // 67 % of 3 = 2.01, rounded up
        Assert.False(presence.QuorumPresent);
    }

    private static MeetingRules Weighted(QuorumBasis basis)
    {
        var rules = MeetingRules.Default(1);
        rules.Update(new MeetingRulesSettings(Weighting: VoteWeighting.PopulationTiers, QuorumBasis: basis), "Staff", DateTime.UnixEpoch);
        return rules;
    }
}

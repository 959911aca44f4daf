using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>
/// A vote opens on a resolution ready for it, with its electors fixed; accepts one ballot per elector city from its
/// mayor (delegate) or its credentialed alternate while open; closes with the counts, its outcome and the resolution's next step.
/// </summary>
public class VoteTests
{
    private static readonly DateTime Now = new(2027, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Voter PhoenixMayor = new("u-phoenix", "Kate Gallego", 30, "KATE@PHOENIX.GOV");
    private static readonly Voter BoulderAlternate = new("u-boulder-alt", "Alex Alternate", null, "ALT@BOULDER.GOV");

    private static Resolution Referred()
    {
        var r = Resolution.Submit(1, "Supporting Transit", "The Conference supports transit.", 7, "user-1", "Mayor Kate Gallego", "Phoenix, AZ", Now.AddDays(-10));
        r.Refer(3, "Energy Committee", null, "Staff", Now.AddDays(-5));
        return r;
    }

    private static List<Elector> Electors() =>
    [
        new() { MembershipId = 1, GovernmentId = 30, City = "Phoenix, AZ", DelegateName = "Kate Gallego" },
        new() { MembershipId = 2, GovernmentId = 40, City = "Boulder, CO", DelegateName = "Aaron Brockett", AlternateName = "Alex Alternate", AlternateEmailKey = "ALT@BOULDER.GOV" },
        new() { MembershipId = 3, GovernmentId = 50, City = "Ames, IA", DelegateName = "John Haila" },
    ];

    private static Vote OpenCommitteeVote(Resolution? resolution = null) =>
        Vote.Open(resolution ?? Referred(), VoteStage.Committee, Electors(), "staff-1", "Sam Staff", Now).Value;

    [Fact]
    public void Opening_fixes_the_electors_copies_the_rule_and_moves_the_resolution_into_the_vote()
    {
        var resolution = Referred();
        resolution.SetRule(PassRule.TwoThirds, 60, null, "Staff", Now.AddDays(-1));

        var vote = Vote.Open(resolution, VoteStage.Committee, Electors(), "staff-1", "Sam Staff", Now).Value;

        Assert.True(vote.IsOpen);
        Assert.False(vote.IsClosed);
        Assert.Equal((3, 3), (vote.ElectorCount, vote.Electors.Count));
        Assert.Equal((PassRule.TwoThirds, 60), (vote.PassRule, vote.QuorumPercent));
        Assert.Equal((1, 3, Now, "Sam Staff"), (vote.MeetingId, vote.BodyId!.Value, vote.OpenedAtUtc, vote.OpenedBy));
        Assert.Equal(ResolutionStatus.InCommitteeVote, resolution.Status);
        Assert.Equal("Committee vote opened with 3 elector cities.", resolution.Changes[^1].Note);
        Assert.Null(vote.Result);
        Assert.Null(vote.Outcome);
    }

    [Fact]
    public void A_plenary_vote_opens_only_on_a_recommended_resolution_and_has_no_committee()
    {
        var resolution = Referred();

        var refused = Vote.Open(resolution, VoteStage.Plenary, Electors(), null, "Staff", Now);

        Assert.Equal(Vote.ResolutionNotReady, refused.Error!.Code);
        Assert.Equal("The plenary votes on a resolution its committee recommended; this one is Referred.", refused.Error.Message);
        Assert.Equal(ResolutionStatus.Referred, resolution.Status);

        resolution.MoveTo(ResolutionStatus.InCommitteeVote, null, "Staff", "", Now);
        resolution.MoveTo(ResolutionStatus.Recommended, null, "Staff", "", Now);
        var plenary = Vote.Open(resolution, VoteStage.Plenary, Electors(), null, "Staff", Now).Value;
        Assert.Null(plenary.BodyId);
        Assert.Equal(ResolutionStatus.InPlenaryVote, resolution.Status);
    }

    [Fact]
    public void A_vote_with_no_elector_city_does_not_open()
    {
        var resolution = Referred();

        var refused = Vote.Open(resolution, VoteStage.Committee, [], null, "Staff", Now);

        Assert.Equal(Vote.NoElectors, refused.Error!.Code);
        Assert.Equal("No city can vote: the committee has no current seat held by an Active member city.", refused.Error.Message);
        Assert.Equal(ResolutionStatus.Referred, resolution.Status);
    }

    [Fact]
    public void The_mayor_casts_as_delegate_and_the_named_alternate_as_alternate()
    {
        var vote = OpenCommitteeVote();

        var mayor = vote.Accept(1, BallotChoice.Yes, PhoenixMayor, Now.AddMinutes(1)).Value;
        var alternate = vote.Accept(2, BallotChoice.Abstain, BoulderAlternate, Now.AddMinutes(2)).Value;

        Assert.Equal((1, BallotChoice.Yes, CastAs.Delegate, "u-phoenix", "Kate Gallego", Now.AddMinutes(1)),
            (mayor.MembershipId, mayor.Choice, mayor.CastAs, mayor.CastByUserId, mayor.CastByName, mayor.CastAtUtc));
        Assert.Equal((2, CastAs.Alternate), (alternate.MembershipId, alternate.CastAs));
        Assert.Equal(2, vote.Ballots.Count);
    }

    [Fact]
    public void An_alternate_whose_email_is_not_confirmed_cannot_cast()
    {
        var vote = OpenCommitteeVote();

        var refused = vote.Accept(2, BallotChoice.Yes, BoulderAlternate with { ConfirmedEmailKey = null }, Now);

        Assert.Equal(Vote.NotYourCity, refused.Error!.Code);
        Assert.Equal("You cannot vote for Boulder, CO: only its mayor or its credentialed alternate can.", refused.Error.Message);
        Assert.Empty(vote.Ballots);
    }

    [Fact]
    public void A_city_that_is_not_an_elector_casts_no_ballot()
    {
        var refused = OpenCommitteeVote().Accept(99, BallotChoice.Yes, PhoenixMayor, Now);

        Assert.Equal(Vote.NotAnElector, refused.Error!.Code);
    }

    [Fact]
    public void A_city_votes_once_and_its_first_ballot_stands()
    {
        var vote = OpenCommitteeVote();
        vote.Accept(2, BallotChoice.No, BoulderAlternate, Now);

        var second = vote.Accept(2, BallotChoice.Yes, PhoenixMayor with { GovernmentId = 40 }, Now.AddMinutes(1));

        Assert.Equal(Vote.AlreadyVoted, second.Error!.Code);
        Assert.Equal("Boulder, CO has already voted (No, cast by Alex Alternate); the first ballot stands.", second.Error.Message);
        Assert.Single(vote.Ballots);
    }

    [Fact]
    public void Closing_keeps_the_counts_judges_the_outcome_and_moves_the_resolution_on()
    {
        var resolution = Referred();
        var vote = OpenCommitteeVote(resolution);

        var closed = vote.Close([(BallotChoice.Yes, 2), (BallotChoice.No, 1)], "staff-2", "Pat Staff", Now.AddHours(1));

        Assert.True(closed.Succeeded);
        Assert.False(vote.IsOpen);
        Assert.Equal((Now.AddHours(1), "staff-2", "Pat Staff"), (vote.ClosedAtUtc!.Value, vote.ClosedByUserId, vote.ClosedBy));
        Assert.Equal(new Tally(3, 2, 1, 0), vote.Result);
        Assert.Equal(new VoteOutcome(VoteStage.Committee, true), vote.Outcome);
        Assert.Equal(ResolutionStatus.Recommended, resolution.Status);
        Assert.Equal("Committee vote closed. Passed: 2 Yes to 1 No.", resolution.Changes[^1].Note);
    }

    [Fact]
    public void A_vote_short_of_its_quorum_closes_as_not_passed()
    {
        var resolution = Referred();
        var vote = OpenCommitteeVote(resolution);

        vote.Close([(BallotChoice.Yes, 1)], null, "Staff", Now);

        Assert.False(vote.Passed);
        Assert.Equal("Not recommended", vote.Outcome!.Value.Display);
        Assert.Equal(ResolutionStatus.NotRecommended, resolution.Status);
    }

    [Fact]
    public void A_closed_vote_accepts_no_ballot_and_does_not_close_again()
    {
        var vote = OpenCommitteeVote();
        vote.Close([], null, "Staff", Now);

        Assert.Equal(Vote.VoteClosed, vote.Accept(1, BallotChoice.Yes, PhoenixMayor, Now).Error!.Code);
        Assert.Equal(Vote.VoteClosed, vote.Close([(BallotChoice.Yes, 3)], null, "Staff", Now).Error!.Code);
        Assert.Equal(new Tally(3, 0, 0, 0), vote.Result);
    }
}

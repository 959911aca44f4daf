using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Tests.Voting;

/// <summary>
/// A vote's result is judged once, from its tally, rule and quorum, and everything said about it afterwards (the
/// resolution's next status, the results page's word, the live tally's verdict) reads that one outcome.
/// </summary>
public class VoteOutcomeTests
{
    [Theory]
    [InlineData(VoteStage.Committee, true, ResolutionStatus.Recommended, "Recommended")]
    [InlineData(VoteStage.Committee, false, ResolutionStatus.NotRecommended, "Not recommended")]
    [InlineData(VoteStage.Plenary, true, ResolutionStatus.Adopted, "Adopted")]
    [InlineData(VoteStage.Plenary, false, ResolutionStatus.Failed, "Failed")]
    public void A_committee_recommends_or_not_and_the_plenary_adopts_or_fails(VoteStage stage, bool passed, ResolutionStatus becomes, string words)
    {
        var outcome = new VoteOutcome(stage, passed);

        Assert.Equal(becomes, outcome.ResolutionBecomes);
        Assert.Equal(words, outcome.Display);
    }

    [Fact]
    public void A_vote_passes_when_its_tally_meets_the_rule_and_the_quorum()
    {
        Assert.True(VoteOutcome.Of(VoteStage.Plenary, new Tally(10, 3, 1, 1), PassRule.SimpleMajority, 50).Passed);
        Assert.False(VoteOutcome.Of(VoteStage.Plenary, new Tally(10, 3, 2, 0), PassRule.TwoThirds, 50).Passed);
    }

    [Fact]
    public void A_vote_short_of_its_quorum_fails_whatever_the_counts()
    {
        var outcome = VoteOutcome.Of(VoteStage.Committee, new Tally(10, 4, 0, 0), PassRule.SimpleMajority, 50);

        Assert.False(outcome.Passed);
        Assert.Equal(ResolutionStatus.NotRecommended, outcome.ResolutionBecomes);
    }

    [Fact]
    public void A_vote_with_no_stored_result_has_no_outcome()
    {
        Assert.Null(VoteOutcome.Recorded(VoteStage.Plenary, null));
        Assert.Equal(new VoteOutcome(VoteStage.Plenary, true), VoteOutcome.Recorded(VoteStage.Plenary, true));
    }

    [Fact]
    public void The_live_tally_says_passed_only_of_a_vote_that_passed()
    {
        Assert.Equal("Passed", VoteOutcome.Verdict(new VoteOutcome(VoteStage.Plenary, true)));
        Assert.Equal("Did not pass", VoteOutcome.Verdict(new VoteOutcome(VoteStage.Committee, false)));
        Assert.Equal("Did not pass", VoteOutcome.Verdict(null));
    }

    [Fact]
    public void A_tally_of_stored_counts_reads_a_missing_count_as_none()
    {
        Assert.Equal(new Tally(7, 3, 0, 1), Tally.Of(7, 3, null, 1));
        Assert.Equal(new Tally(7, 0, 0, 0), Tally.Of(7, null, null, null));
    }

    [Fact]
    public void Counting_ballots_by_choice_gives_each_choice_its_count_and_none_to_a_missing_one()
    {
        var tally = Tally.Count(12, [(BallotChoice.No, 2), (BallotChoice.Yes, 5)]);

        Assert.Equal(new Tally(12, 5, 2, 0), tally);
        Assert.Equal(new Tally(3, 0, 0, 0), Tally.Count(3, []));
    }
}

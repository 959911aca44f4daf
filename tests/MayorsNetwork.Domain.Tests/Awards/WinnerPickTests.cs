using MayorsNetwork.Domain.Awards;
using MayorsNetwork.Domain.BestPractices;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>
/// Picking winners: normally the top N of each category; a tie across the last place is never broken silently, and
/// any other pick needs a note; then the winners are announced and fixed.
/// </summary>
public class WinnerPickTests
{
    private readonly AwardCycle _cycle = AwardExamples.Cycle();
    private readonly AwardApplication[] _apps;
    private readonly IReadOnlyList<RankedApplication> _ranking;

    public WinnerPickTests()
    {
        // Under 100,000 (two winners): Ames 5, Boulder 4, Chico 4, Dubuque 3 → ranks 1, 2, 2, 4.
        _apps = [App(1, "Ames, IA"), App(2, "Boulder, CO"), App(3, "Chico, CA"), App(4, "Dubuque, IA")];
        var judge = AwardExamples.Judge(_cycle, 1);
        var cards = _apps.Zip([5, 4, 4, 3]).Select(p => AwardExamples.Card(_cycle, judge, p.First, p.Second, p.Second, p.Second)).ToList();
        _ranking = AwardRanking.ForCategory(AwardResults.Compute(_cycle, _apps, cards, [], [judge]), _cycle.Small(), RankingFigure.WeightedMean);
    }

    [Fact]
    public void A_tie_across_the_last_place_is_proposed_as_a_tie()
    {
        var proposal = WinnerProposal.For(_cycle.Small(), _ranking);

        Assert.Equal([1], proposal.Winners);
        Assert.Equal([2, 3], proposal.TiedForLastPlaces);
        Assert.Equal(1, proposal.PlacesInTie);
        Assert.Equal(2, proposal.Places);
    }

    [Fact]
    public void Breaking_the_tie_needs_a_note_and_is_then_recorded_with_it()
    {
        _cycle.CloseScoring(AwardExamples.Judging);
        var proposal = WinnerProposal.For(_cycle.Small(), _ranking);

        var silent = _cycle.PickWinners(_cycle.Small(), [_apps[0], _apps[1]], proposal, null, "Sam Staff", AwardExamples.Judging);
        Assert.Equal(new RuleError(AwardCycle.NoteNeeded, "Applications tie for the last place: say why you chose as you did.", "Note"), silent.Error);
        Assert.Empty(_cycle.Winners);

        var picked = _cycle.PickWinners(_cycle.Small(), [_apps[0], _apps[1]], proposal, "Boulder's project reaches more residents.", "Sam Staff", AwardExamples.Judging);

        Assert.True(picked.Succeeded);
        Assert.Equal([1, 2], _cycle.Winners.Select(w => w.ApplicationId));
        Assert.All(_cycle.Winners, w => Assert.Equal((50_000m, "Boulder's project reaches more residents.", "Sam Staff", 10), (w.GrantAmount, w.Note, w.ChosenBy, w.CategoryId)));
    }

    [Fact]
    public void Without_a_tie_the_top_N_need_no_note_and_any_other_pick_does()
    {
        // One winner in the large category: Phoenix 5, Tucson 3.
        var (phoenix, tucson) = (AwardExamples.Application(_cycle, 11, 60, 1_600_000, "Phoenix, AZ"), AwardExamples.Application(_cycle, 12, 61, 540_000, "Tucson, AZ"));
        var judge = AwardExamples.Judge(_cycle, 2);
        var cards = new[] { AwardExamples.Card(_cycle, judge, phoenix, 5, 5, 5), AwardExamples.Card(_cycle, judge, tucson, 3, 3, 3) };
        var ranking = AwardRanking.ForCategory(AwardResults.Compute(_cycle, [phoenix, tucson], cards, [], [judge]), _cycle.Large(), RankingFigure.WeightedMean);
        var proposal = WinnerProposal.For(_cycle.Large(), ranking);
        _cycle.CloseScoring(AwardExamples.Judging);

        Assert.Equal([11], proposal.Winners);
        Assert.Empty(proposal.TiedForLastPlaces);
        Assert.Equal(AwardCycle.NoteNeeded, _cycle.PickWinners(_cycle.Large(), [tucson], proposal, "", "Sam Staff", AwardExamples.Judging).Error!.Code);
        Assert.Equal(AwardCycle.NoteNeeded, _cycle.PickWinners(_cycle.Large(), [], proposal, null, "Sam Staff", AwardExamples.Judging).Error!.Code);
        Assert.True(_cycle.PickWinners(_cycle.Large(), [phoenix], proposal, null, "Sam Staff", AwardExamples.Judging).Succeeded);
        Assert.Equal(100_000m, Assert.Single(_cycle.Winners).GrantAmount);

        // Picking again replaces the category's winners.
        Assert.True(_cycle.PickWinners(_cycle.Large(), [tucson], proposal, "Phoenix declined the grant.", "Sam Staff", AwardExamples.Judging).Succeeded);
        Assert.Equal(12, Assert.Single(_cycle.Winners).ApplicationId);
    }

    [Fact]
    public void More_winners_than_the_category_has_or_another_categorys_application_are_refused()
    {
        _cycle.CloseScoring(AwardExamples.Judging);
        var proposal = WinnerProposal.For(_cycle.Small(), _ranking);
        var phoenix = AwardExamples.Application(_cycle, 11, 60, 1_600_000, "Phoenix, AZ");

        Assert.Equal("Cities under 100,000 has 2 winners; 3 were chosen.",
            _cycle.PickWinners(_cycle.Small(), [_apps[0], _apps[1], _apps[2]], proposal, "note", "Sam Staff", AwardExamples.Judging).Error!.Message);
        Assert.Equal(AwardCycle.BadPick, _cycle.PickWinners(_cycle.Small(), [phoenix], proposal, "note", "Sam Staff", AwardExamples.Judging).Error!.Code);
        Assert.Equal(AwardCycle.BadPick, _cycle.PickWinners(_cycle.Small(), [_apps[0], _apps[0]], proposal, "note", "Sam Staff", AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void Winners_are_picked_after_scoring_closes_and_fixed_once_announced()
    {
        var proposal = WinnerProposal.For(_cycle.Small(), _ranking);

        Assert.Equal(AwardCycle.WrongStage, _cycle.PickWinners(_cycle.Small(), [_apps[0]], proposal, "n", "Sam Staff", AwardExamples.Judging).Error!.Code);
        Assert.Equal(AwardCycle.WrongStage, _cycle.Announce(AwardExamples.Judging).Error!.Code);
        _cycle.CloseScoring(AwardExamples.Judging);
        Assert.Equal("Pick at least one winner before announcing.", _cycle.Announce(AwardExamples.Judging).Error!.Message);
        _cycle.PickWinners(_cycle.Small(), [_apps[0], _apps[2]], proposal, "Chico's is cheaper to copy.", "Sam Staff", AwardExamples.Judging);

        Assert.True(_cycle.Announce(AwardExamples.Judging.AddDays(1)).Succeeded);
        Assert.True(_cycle.IsAnnounced);
        Assert.Equal(AwardCycle.WrongStage, _cycle.PickWinners(_cycle.Small(), [_apps[1]], proposal, "n", "Sam Staff", AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void A_winner_links_its_citys_published_best_practice()
    {
        _cycle.CloseScoring(AwardExamples.Judging);
        var winner = _cycle.PickWinners(_cycle.Small(), [_apps[0]], WinnerProposal.For(_cycle.Small(), _ranking), "One grant only", "Sam Staff", AwardExamples.Judging).Value[0];
        var areas = new HashSet<int> { 1 };
        var content = new BestPracticeContent("Cool roofs", 1, "S", "C", "A", "R", null, null, "N", "n@ames.gov");
        var ames = BestPracticeActor.CityOfficial("u", "Mayor", _apps[0].MembershipId);
        var practice = BestPractice.Start(ames, MembershipStatus.Active, content, areas, AwardExamples.Judging).Value;
        practice.Id = 77;

        Assert.Equal("Only a published best practice can be linked.", winner.LinkBestPractice(practice).Error!.Message);
        practice.Submit(ames, areas, AwardExamples.Judging);
        practice.Publish(BestPracticeActor.Staff("s", "Staff"), AwardExamples.Judging);
        Assert.True(winner.LinkBestPractice(practice).Succeeded);
        Assert.Equal(77, winner.BestPracticeId);

        var other = BestPractice.Start(BestPracticeActor.CityOfficial("u2", "Mayor", 999), MembershipStatus.Active, content, areas, AwardExamples.Judging).Value;
        Assert.Equal("Only the winning city's own best practice can be linked.", winner.LinkBestPractice(other).Error!.Message);
    }

    private AwardApplication App(int id, string city) => AwardExamples.Application(_cycle, id, 50 + id, 60_000, city);
}

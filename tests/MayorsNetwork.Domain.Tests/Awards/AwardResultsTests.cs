using MayorsNetwork.Domain.Awards;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>
/// The rubric arithmetic (weights 40, 40, 20), the weighted mean, standardisation per judge (z-scores, with judges whose
/// scores do not vary left out), ranking with ties shown as ties, and conflicts withdrawing a judge's card.
/// </summary>
public class AwardResultsTests
{
    private readonly AwardCycle _cycle = AwardExamples.Cycle();

    [Fact]
    public void A_cards_weighted_score_and_an_applications_weighted_mean_follow_the_rubric()
    {
        var x = App(1);
        var cards = new[]
        {
            AwardExamples.Card(_cycle, Judge(1), x, 5, 4, 3), // 200 + 160 + 60 = 420 → 4.2
            AwardExamples.Card(_cycle, Judge(2), x, 4, 3, 3), // 160 + 120 + 60 = 340 → 3.4
            AwardExamples.Card(_cycle, Judge(3), x, 5, 5, 5), // 500 → 5.0
        };

        var result = Single(Compute([x], cards));

        Assert.Equal(3, result.Scorecards);
        Assert.Equal(1_260, result.WeightedTotal);
        Assert.Equal(300, result.WeightSum);
        Assert.Equal(4.2m, result.WeightedMean);
    }

    [Fact]
    public void Standardising_each_judge_corrects_a_harsh_and_a_lenient_judge()
    {
        // Judge 1 is harsh (X 2, Y 3), judge 2 lenient (X 4, Z 5): both rank X below the other they scored.
        var (x, y, z) = (App(1), App(2), App(3));
        var results = Compute([x, y, z],
        [
            Flat(1, x, 2), Flat(1, y, 3),
            Flat(2, x, 4), Flat(2, z, 5),
        ]);

        Assert.Equal([3.0m, 3.0m, 5.0m], results.Applications.Select(a => a.WeightedMean!.Value));
        Assert.Equal([-1.0, 1.0, 1.0], results.Applications.Select(a => a.Standardised!.Value));
        var harsh = results.Judges.Single(j => j.JudgeId == 1);
        Assert.Equal(new JudgeTendency(1, 2, 2.5, 0.5, true), harsh);

        var byMean = AwardRanking.ForCategory(results, _cycle.Small(), RankingFigure.WeightedMean);
        Assert.Equal([(3, 1, false), (1, 2, true), (2, 2, true)], byMean.Select(r => (r.Result.ApplicationId, r.Rank!.Value, r.Tied)));
        var byZ = AwardRanking.ForCategory(results, _cycle.Small(), RankingFigure.Standardised);
        Assert.Equal([(2, 1, true), (3, 1, true), (1, 3, false)], byZ.Select(r => (r.Result.ApplicationId, r.Rank!.Value, r.Tied)));
    }

    [Fact]
    public void A_judge_who_scored_everything_alike_is_left_out_of_the_standardised_figure_only()
    {
        var (x, y, w) = (App(1), App(2), App(4));
        var results = Compute([x, y, w],
        [
            Flat(1, x, 2), Flat(1, y, 3),
            Flat(3, x, 3), Flat(3, y, 3), Flat(3, w, 3), // judge 3: every application 3, σ = 0
        ]);

        var judge3 = results.Judges.Single(j => j.JudgeId == 3);
        Assert.False(judge3.Informative);
        Assert.Equal(0, judge3.StandardDeviation);
        var rx = results.Applications.Single(a => a.ApplicationId == 1);
        Assert.Equal(-1.0, rx.Standardised); // judge 1's z alone, not diluted by judge 3's
        Assert.Equal(1, rx.InformativeJudges);
        Assert.Equal(2.5m, rx.WeightedMean); // judge 3 still counts here
        var rw = results.Applications.Single(a => a.ApplicationId == 4);
        Assert.Equal(0.0, rw.Standardised); // scored only by judge 3: the average
        Assert.Equal(0, rw.InformativeJudges);
    }

    [Fact]
    public void A_judge_who_scored_only_one_application_says_nothing_about_rank()
    {
        var (x, y, z) = (App(1), App(2), App(3));
        var results = Compute([x, y, z], [Flat(1, x, 2), Flat(1, y, 3), Flat(2, z, 5)]);

        Assert.False(results.Judges.Single(j => j.JudgeId == 2).Informative);
        Assert.Equal(0.0, results.Applications.Single(a => a.ApplicationId == 3).Standardised);
    }

    [Fact]
    public void Equal_means_from_different_numbers_of_judges_are_a_tie_exactly()
    {
        // P: 400, 500, 400 of 100 each (13/3); Q: 500, 500, 400, 400, 400, 400 (26/6). 4.333… both.
        var (p, q) = (App(1), App(2));
        var cards = new List<Scorecard> { Card(1, p, 4, 4, 4), Card(2, p, 5, 5, 5), Card(3, p, 4, 4, 4) };
        cards.AddRange(new[] { 5, 5, 4, 4, 4, 4 }.Select((s, i) => Card(10 + i, q, s, s, s)));

        var ranking = AwardRanking.ForCategory(Compute([p, q], cards), _cycle.Small(), RankingFigure.WeightedMean);

        Assert.All(ranking, r => Assert.Equal((1, true), (r.Rank!.Value, r.Tied)));
    }

    [Fact]
    public void Ranks_skip_after_a_tie_and_unscored_applications_come_last_without_a_rank()
    {
        var apps = new[] { App(1, "Ames, IA"), App(2, "Boulder, CO"), App(3, "Chico, CA"), App(4, "Dubuque, IA"), App(5, "Eureka, CA") };
        var results = Compute(apps, [Flat(1, apps[0], 5), Flat(1, apps[1], 4), Flat(1, apps[2], 4), Flat(1, apps[3], 3)]);

        var ranking = AwardRanking.ForCategory(results, _cycle.Small(), RankingFigure.WeightedMean);

        Assert.Equal([1, 2, 2, 4, (int?)null], ranking.Select(r => r.Rank));
        Assert.Equal([false, true, true, false, false], ranking.Select(r => r.Tied));
        Assert.Equal("Eureka, CA", ranking[^1].Result.City);
        Assert.Null(ranking[^1].Result.WeightedMean);
        Assert.Null(ranking[^1].Result.Standardised);
    }

    [Fact]
    public void A_conflict_declared_after_scoring_withdraws_the_judges_card()
    {
        var (x, y) = (App(1), App(2));
        var judge = Judge(1);
        var cards = new[] { Flat(1, x, 1), Flat(1, y, 5), Flat(2, x, 4), Flat(2, y, 4) };
        var conflict = ConflictOfInterest.Declare(_cycle, judge, x, "Former employer", [], AwardExamples.Judging).Value;

        var results = AwardResults.Compute(_cycle, [x, y], cards, [conflict], [judge, Judge(2)]);

        var rx = results.Applications.Single(a => a.ApplicationId == 1);
        Assert.Equal(1, rx.Scorecards);
        Assert.Equal(4.0m, rx.WeightedMean);
    }

    [Fact]
    public void Incomplete_cards_and_cards_of_other_cycles_do_not_count()
    {
        var x = App(1);
        var judge = Judge(1);
        var assignment = AwardExamples.Assign(judge, x);
        var partial = Scorecard.Start(_cycle, judge, x, [], [assignment], AwardExamples.Judging).Value;
        partial.Record(_cycle, judge, x, new Dictionary<int, int> { [100] = 5 }, [], [assignment], AwardExamples.Judging);

        Assert.Equal(0, Single(Compute([x], [partial])).Scorecards);
    }

    private Judge Judge(int id) => AwardExamples.Judge(_cycle, id);

    private AwardApplication App(int id, string? city = null) => AwardExamples.Application(_cycle, id, 50 + id, 60_000, city);

    private Scorecard Card(int judgeId, AwardApplication app, int a, int b, int c) => AwardExamples.Card(_cycle, Judge(judgeId), app, a, b, c);

    private Scorecard Flat(int judgeId, AwardApplication app, int score) => Card(judgeId, app, score, score, score);

    private AwardResults Compute(IEnumerable<AwardApplication> apps, IEnumerable<Scorecard> cards)
    {
        var list = cards.ToList();
        var judges = list.Select(c => c.JudgeId).Distinct().Select(Judge);
        return AwardResults.Compute(_cycle, apps, list, [], judges);
    }

    private static ApplicationResult Single(AwardResults results) => Assert.Single(results.Applications);
}

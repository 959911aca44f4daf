using MayorsNetwork.Domain.Awards;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>Opening an award cycle: categories by population band that neither overlap nor leave gaps, winners and grants, a rubric of weighted criteria, a deadline to the second.</summary>
public class AwardCycleTests
{
    [Fact]
    public void A_cycle_opens_with_its_categories_rubric_and_deadline()
    {
        var cycle = AwardExamples.Cycle();

        Assert.Equal("2027 City Livability Awards", cycle.Name);
        Assert.Equal(AwardExamples.Deadline, cycle.DeadlineUtc);
        Assert.Equal(3, cycle.ScoresPerApplication);
        Assert.Equal(["Cities under 100,000", "Cities 100,000 or more"], cycle.Categories.Select(c => c.Name));
        Assert.Equal(2, cycle.Small().Winners);
        Assert.Equal(100_000m, cycle.Large().GrantAmount);
        Assert.Equal(["Innovation", "Impact", "Replicability"], cycle.Criteria.Select(c => c.Name));
        Assert.Equal([1, 2, 3], cycle.Criteria.Select(c => c.Position));
        Assert.Equal(100, cycle.TotalWeight);
        Assert.Equal("March 31, 2027 at 17:00:00 UTC", cycle.DeadlineText);
    }

    [Fact]
    public void The_deadline_is_kept_to_the_second()
    {
        var draft = AwardExamples.Draft() with { DeadlineUtc = AwardExamples.Deadline.AddMilliseconds(999).AddTicks(5) };

        var cycle = AwardCycle.Open(draft, 3, "Staff", AwardExamples.Opened).Value;

        Assert.Equal(AwardExamples.Deadline, cycle.DeadlineUtc);
    }

    [Theory]
    [InlineData(0, 99_999, "Cities under 100,000")]
    [InlineData(100_000, 8_804_190, "Cities 100,000 or more")]
    public void A_city_competes_in_the_category_of_its_population(int low, int high, string category)
    {
        var cycle = AwardExamples.Cycle();

        Assert.Equal(category, cycle.CategoryFor(low)!.Name);
        Assert.Equal(category, cycle.CategoryFor(high)!.Name);
    }

    [Fact]
    public void Overlapping_or_gapped_categories_are_refused()
    {
        var overlap = AwardExamples.Draft() with { Categories = [new(0, 100_000, 1, 1m), new(90_000, null, 1, 1m)] };
        var gap = AwardExamples.Draft() with { Categories = [new(0, 50_000, 1, 1m), new(100_000, null, 1, 1m)] };

        Assert.Equal(PopulationBand.Overlap, Assert.Single(AwardCycle.Check(overlap, AwardExamples.Opened)).Code);
        var error = Assert.Single(AwardCycle.Check(gap, AwardExamples.Opened));
        Assert.Equal("No band covers populations 50,000 to 99,999.", error.Message);
        Assert.Equal("Categories", error.Property);
    }

    [Fact]
    public void Categories_may_cover_only_part_of_the_populations_and_a_city_outside_has_no_category()
    {
        var draft = AwardExamples.Draft() with { Categories = [new(30_000, 100_000, 1, 10_000m), new(100_000, null, 1, 20_000m)] };

        var cycle = AwardCycle.Open(draft, 3, "Staff", AwardExamples.Opened).Value;

        Assert.Null(cycle.CategoryFor(29_999));
        Assert.NotNull(cycle.CategoryFor(30_000));
    }

    [Fact]
    public void Every_bad_field_is_reported()
    {
        var draft = new AwardCycleDraft(" ", AwardExamples.Opened.AddSeconds(-1),
            [new(0, null, 0, 100.005m)],
            [new(" ", 0), new("Impact", 101), new("impact", 5)]);

        var errors = AwardCycle.Check(draft, AwardExamples.Opened);

        Assert.Contains(errors, e => e.Code == AwardCycle.BadName);
        Assert.Contains(errors, e => e.Code == AwardCycle.BadDeadline);
        Assert.Contains(errors, e => e.Message == "Category 0 or more: it needs at least one winner.");
        Assert.Contains(errors, e => e.Message == "Category 0 or more: the grant must be an amount in dollars and cents, more than zero.");
        Assert.Contains(errors, e => e.Message == "Criterion 1: enter a name of at most 100 characters.");
        Assert.Contains(errors, e => e.Message == "Criterion 1: the weight must be a whole number from 1 to 100.");
        Assert.Contains(errors, e => e.Message == "Criterion 2: the weight must be a whole number from 1 to 100.");
        Assert.Contains(errors, e => e.Message == "Two criteria are named \"Impact\".");
        Assert.Contains(AwardCycle.Check(AwardExamples.Draft() with { Criteria = [] }, AwardExamples.Opened), e => e.Code == AwardCycle.BadCriterion);
        Assert.Contains(AwardCycle.Check(AwardExamples.Draft() with { Categories = [] }, AwardExamples.Opened), e => e.Code == AwardCycle.BadCategory);
    }

    [Fact]
    public void A_deadline_not_in_UTC_is_a_programming_error()
    {
        var local = AwardExamples.Draft() with { DeadlineUtc = DateTime.SpecifyKind(AwardExamples.Deadline, DateTimeKind.Unspecified) };

        Assert.Throws<ArgumentException>(() => AwardCycle.Check(local, AwardExamples.Opened));
    }

    [Fact]
    public void Before_anyone_applies_everything_can_be_revised()
    {
        var cycle = AwardExamples.Cycle();
        var revised = AwardExamples.Draft() with
        {
            Name = "2027 Livability Awards",
            DeadlineUtc = AwardExamples.Deadline.AddDays(7),
            Categories = [new(0, 50_000, 1, 25_000m), new(50_000, null, 3, 75_000m)],
        };

        Assert.True(cycle.Revise(revised, applications: 0, scorecards: 0, AwardExamples.Opened.AddDays(1)).Succeeded);
        Assert.Equal("2027 Livability Awards", cycle.Name);
        Assert.Equal(AwardExamples.Deadline.AddDays(7), cycle.DeadlineUtc);
        Assert.Equal(["Cities under 50,000", "Cities 50,000 or more"], cycle.Categories.Select(c => c.Name));
    }

    [Fact]
    public void Once_a_city_applied_the_bands_are_fixed_but_winners_and_grants_may_change()
    {
        var cycle = AwardExamples.Cycle();
        var newBands = AwardExamples.Draft() with { Categories = [new(0, 50_000, 1, 1m), new(50_000, null, 1, 1m)] };
        var moreWinners = AwardExamples.Draft() with { Categories = [new(0, 100_000, 3, 60_000m), new(100_000, null, 1, 100_000m)] };

        Assert.Equal(AwardCycle.Fixed, cycle.Revise(newBands, applications: 4, scorecards: 0, AwardExamples.Opened).Error!.Code);
        Assert.True(cycle.Revise(moreWinners, applications: 4, scorecards: 0, AwardExamples.Opened).Succeeded);
        Assert.Equal(10, cycle.Small().Id); // the same category, kept
        Assert.Equal(3, cycle.Small().Winners);
        Assert.Equal(60_000m, cycle.Small().GrantAmount);
    }

    [Fact]
    public void Once_a_judge_scored_the_rubric_is_fixed_and_after_the_deadline_nothing_is_revised()
    {
        var cycle = AwardExamples.Cycle();
        var newRubric = AwardExamples.Draft() with { Criteria = [new("Innovation", 50), new("Impact", 50)] };

        Assert.Equal(AwardCycle.Fixed, cycle.Revise(newRubric, 4, scorecards: 1, AwardExamples.Opened).Error!.Code);
        Assert.Equal(AwardCycle.Fixed, cycle.Revise(AwardExamples.Draft(), 0, 0, AwardExamples.Deadline).Error!.Code);
    }

    [Fact]
    public void Scoring_opens_at_the_deadline_and_closes_when_staff_close_it()
    {
        var cycle = AwardExamples.Cycle();

        Assert.False(cycle.IsScoringOpen(AwardExamples.Deadline.AddTicks(-1)));
        Assert.True(cycle.IsScoringOpen(AwardExamples.Deadline));
        Assert.Equal(AwardCycle.WrongStage, cycle.CloseScoring(AwardExamples.Deadline.AddSeconds(-1)).Error!.Code);
        Assert.True(cycle.CloseScoring(AwardExamples.Judging).Succeeded);
        Assert.False(cycle.IsScoringOpen(AwardExamples.Judging));
        Assert.Equal(AwardCycle.WrongStage, cycle.CloseScoring(AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void A_judge_sees_only_their_own_scores_until_scoring_closes()
    {
        var cycle = AwardExamples.Cycle();
        var app = AwardExamples.Application(cycle, 1, 50, 60_000);
        var (judge1, judge2) = (AwardExamples.Judge(cycle, 1), AwardExamples.Judge(cycle, 2));
        var card = AwardExamples.Card(cycle, judge1, app, 5, 4, 3);

        Assert.True(cycle.MaySee(card, viewerIsStaff: false, viewerJudgeId: 1));
        Assert.False(cycle.MaySee(card, viewerIsStaff: false, viewerJudgeId: judge2.Id));
        Assert.False(cycle.MaySee(card, viewerIsStaff: false, viewerJudgeId: null));
        Assert.True(cycle.MaySee(card, viewerIsStaff: true, viewerJudgeId: null));

        cycle.CloseScoring(AwardExamples.Judging);
        Assert.True(cycle.MaySee(card, viewerIsStaff: false, viewerJudgeId: judge2.Id));
    }
}

using MayorsNetwork.Domain.Awards;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>
/// Judges: never shown their own city's application; a declared conflict withdraws an application; scoring only what is
/// assigned, only while scoring is open, each criterion 1–5.
/// </summary>
public class JudgingRulesTests
{
    private readonly AwardCycle _cycle = AwardExamples.Cycle();

    [Fact]
    public void A_mayor_judge_is_never_assigned_or_shown_their_own_citys_application()
    {
        var ames = AwardExamples.Application(_cycle, 1, 50, 66_000, "Ames, IA");
        var amesMayor = AwardExamples.Judge(_cycle, 1, membershipId: 50);

        var assign = JudgeAssignment.Assign(amesMayor, ames, [], [], "Sam Staff", AwardExamples.Opened);

        Assert.Equal(new RuleError(JudgingRules.OwnCity, "A judge never sees their own city's application."), assign.Error);
        Assert.Equal(JudgingRules.OwnCity, JudgingRules.CannotSee(amesMayor, ames, [], [])!.Code);
        Assert.Equal(ConflictOfInterest.OwnCity, ConflictOfInterest.Declare(_cycle, amesMayor, ames, null, [], AwardExamples.Opened).Error!.Code);
        Assert.Equal(JudgingRules.OwnCity, Scorecard.Start(_cycle, amesMayor, ames, [], [], AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void A_declared_conflict_withdraws_the_application_from_the_judge()
    {
        var boulder = AwardExamples.Application(_cycle, 2, 51, 108_250, "Boulder, CO");
        var judge = AwardExamples.Judge(_cycle, 2, membershipId: 50);
        var assignment = AwardExamples.Assign(judge, boulder);
        Assert.Null(JudgingRules.CannotSee(judge, boulder, [], [assignment]));

        var conflict = ConflictOfInterest.Declare(_cycle, judge, boulder, "My brother works for Boulder", [], AwardExamples.Judging).Value;

        Assert.Equal("My brother works for Boulder", conflict.Reason);
        Assert.Equal(JudgingRules.Conflict, JudgingRules.CannotSee(judge, boulder, [conflict], [assignment])!.Code);
        Assert.Equal(JudgingRules.Conflict, JudgeAssignment.Assign(judge, boulder, [conflict], [], "Staff", AwardExamples.Judging).Error!.Code);
        Assert.Equal(ConflictOfInterest.Already, ConflictOfInterest.Declare(_cycle, judge, boulder, null, [conflict], AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void Conflicts_cannot_be_declared_once_scoring_closed()
    {
        var app = AwardExamples.Application(_cycle, 2, 51, 108_250);
        var judge = AwardExamples.Judge(_cycle, 2);
        _cycle.CloseScoring(AwardExamples.Judging);

        Assert.Equal(ConflictOfInterest.TooLate, ConflictOfInterest.Declare(_cycle, judge, app, null, [], AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void An_application_not_assigned_to_the_judge_cannot_be_opened_or_scored()
    {
        var app = AwardExamples.Application(_cycle, 2, 51, 108_250);
        var judge = AwardExamples.Judge(_cycle, 2);

        Assert.Equal(JudgingRules.NotAssigned, JudgingRules.CannotSee(judge, app, [], [])!.Code);
        Assert.Equal(JudgingRules.NotAssigned, Scorecard.Start(_cycle, judge, app, [], [], AwardExamples.Judging).Error!.Code);
        Assert.Equal(JudgeAssignment.Already, JudgeAssignment.Assign(judge, app, [], [AwardExamples.Assign(judge, app)], "Staff", AwardExamples.Opened).Error!.Code);
    }

    [Fact]
    public void Scoring_opens_at_the_deadline_and_ends_when_it_closes()
    {
        var app = AwardExamples.Application(_cycle, 2, 51, 108_250);
        var judge = AwardExamples.Judge(_cycle, 2);
        var assignment = AwardExamples.Assign(judge, app);

        Assert.Equal("Scoring opens at the deadline, March 31, 2027 at 17:00:00 UTC.",
            Scorecard.Start(_cycle, judge, app, [], [assignment], AwardExamples.Deadline.AddSeconds(-1)).Error!.Message);
        var card = Scorecard.Start(_cycle, judge, app, [], [assignment], AwardExamples.Deadline).Value;
        _cycle.CloseScoring(AwardExamples.Judging);
        Assert.Equal("Scoring is closed.", card.Record(_cycle, judge, app, new Dictionary<int, int> { [100] = 3 }, [], [assignment], AwardExamples.Judging).Error!.Message);
    }

    [Fact]
    public void Scores_are_whole_numbers_from_1_to_5_on_the_cycles_criteria_and_a_bad_one_keeps_nothing()
    {
        var app = AwardExamples.Application(_cycle, 2, 51, 108_250);
        var judge = AwardExamples.Judge(_cycle, 2);
        var assignment = AwardExamples.Assign(judge, app);
        var card = Scorecard.Start(_cycle, judge, app, [], [assignment], AwardExamples.Judging).Value;

        var bad = card.Record(_cycle, judge, app, new Dictionary<int, int> { [100] = 5, [101] = 6, [999] = 3 }, [], [assignment], AwardExamples.Judging);

        Assert.Equal(["Impact: score it from 1 to 5.", "That criterion is not in this cycle's rubric."], bad.Errors.Select(e => e.Message));
        Assert.Empty(card.Scores);

        Assert.True(card.Record(_cycle, judge, app, new Dictionary<int, int> { [100] = 5, [101] = 4 }, [], [assignment], AwardExamples.Judging).Succeeded);
        Assert.False(card.IsComplete(_cycle));
        Assert.Throws<InvalidOperationException>(() => card.WeightedTotal(_cycle));
        Assert.True(card.Record(_cycle, judge, app, new Dictionary<int, int> { [102] = 3, [101] = 3 }, [], [assignment], AwardExamples.Judging).Succeeded);
        Assert.True(card.IsComplete(_cycle));
        Assert.Equal((40 * 5) + (40 * 3) + (20 * 3), card.WeightedTotal(_cycle));
    }

    [Fact]
    public void Another_judge_cannot_write_on_a_judges_card()
    {
        var app = AwardExamples.Application(_cycle, 2, 51, 108_250);
        var (judge, other) = (AwardExamples.Judge(_cycle, 2), AwardExamples.Judge(_cycle, 3));
        var card = AwardExamples.Card(_cycle, judge, app, 3, 3, 3);

        Assert.Equal(Scorecard.NotYours, card.Record(_cycle, other, app, new Dictionary<int, int> { [100] = 1 }, [], [AwardExamples.Assign(other, app)], AwardExamples.Judging).Error!.Code);
    }

    [Fact]
    public void Judges_are_staff_or_mayors_of_member_cities_named_once()
    {
        var staff = AwardExamples.Judge(_cycle, 1);

        Assert.Equal(Judge.AlreadyJudge, Judge.Appoint(_cycle, staff.UserId, staff.Name, JudgeKind.Staff, null, [staff], "Staff", AwardExamples.Opened).Error!.Code);
        Assert.Equal(Judge.BadKind, Judge.Appoint(_cycle, "u-x", "X", JudgeKind.Mayor, null, [], "Staff", AwardExamples.Opened).Error!.Code);
        Assert.Equal(Judge.BadKind, Judge.Appoint(_cycle, "u-x", "X", JudgeKind.Staff, 5, [], "Staff", AwardExamples.Opened).Error!.Code);
    }
}

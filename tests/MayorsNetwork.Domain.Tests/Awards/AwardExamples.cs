using MayorsNetwork.Domain.Awards;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>
/// An award cycle as staff open it: two categories (under 100,000: two winners of $50,000; 100,000 or more: one of
/// $100,000), a rubric of Innovation 40, Impact 40 and Replicability 20, and a deadline of March 31, 2027, 17:00:00 UTC.
/// Ids are set as the database would.
/// </summary>
internal static class AwardExamples
{
    public static readonly DateTime Opened = new(2027, 1, 10, 15, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Deadline = new(2027, 3, 31, 17, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Judging = Deadline.AddDays(3);

    public static AwardCycleDraft Draft() => new("2027 City Livability Awards", Deadline,
        [new AwardCycleDraft.Category(0, 100_000, 2, 50_000m), new AwardCycleDraft.Category(100_000, null, 1, 100_000m)],
        [new AwardCycleDraft.Criterion("Innovation", 40), new AwardCycleDraft.Criterion("Impact", 40), new AwardCycleDraft.Criterion("Replicability", 20)]);

    public static AwardCycle Cycle()
    {
        var cycle = AwardCycle.Open(Draft(), AwardCycle.DefaultScoresPerApplication, "Sam Staff", Opened).Value;
        cycle.Id = 1;
        cycle.Categories[0].Id = 10;
        cycle.Categories[1].Id = 11;
        for (var i = 0; i < cycle.Criteria.Count; i++) cycle.Criteria[i].Id = 100 + i;
        return cycle;
    }

    public static AwardCategory Small(this AwardCycle cycle) => cycle.Categories[0];

    public static AwardCategory Large(this AwardCycle cycle) => cycle.Categories[1];

    public static AwardApplicationContent Content(long bytes = 250_000) =>
        new("Cool pavement", "Reflective streets", "We coated 100 miles of streets.", new AwardAttachment("application.pdf", bytes));

    public static AwardApplicant Applicant(int membershipId, int population, string? city = null) =>
        new(membershipId, city ?? $"City {membershipId}", population, MembershipStatus.Active, $"u-{membershipId}", $"Mayor {membershipId}");

    public static AwardApplication Application(AwardCycle cycle, int id, int membershipId, int population, string? city = null)
    {
        var application = AwardApplication.Submit(cycle, Applicant(membershipId, population, city), Content(), false, Opened.AddDays(1)).Value;
        application.Id = id;
        return application;
    }

    public static Judge Judge(AwardCycle cycle, int id, int? membershipId = null)
    {
        var judge = MayorsNetwork.Domain.Awards.Judge.Appoint(cycle, $"u-judge-{id}", $"Judge {id}", membershipId is null ? JudgeKind.Staff : JudgeKind.Mayor, membershipId, [], "Sam Staff", Opened).Value;
        judge.Id = id;
        return judge;
    }

    public static JudgeAssignment Assign(Judge judge, AwardApplication application) =>
        JudgeAssignment.Assign(judge, application, [], [], "Sam Staff", Opened).Value;

    /// <summary>A complete scorecard with the three criteria's scores.</summary>
    public static Scorecard Card(AwardCycle cycle, Judge judge, AwardApplication application, int innovation, int impact, int replicability)
    {
        var assignment = Assign(judge, application);
        var card = Scorecard.Start(cycle, judge, application, [], [assignment], Judging).Value;
        Assert.True(card.Record(cycle, judge, application, new Dictionary<int, int> { [100] = innovation, [101] = impact, [102] = replicability }, [], [assignment], Judging).Succeeded);
        return card;
    }
}

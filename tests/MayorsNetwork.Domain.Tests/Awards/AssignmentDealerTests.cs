using MayorsNetwork.Domain.Awards;

namespace MayorsNetwork.Domain.Tests.Awards;

/// <summary>
/// Dealing applications to judges: every application gets its judges, never its own city's judge nor a conflicted
/// one, loads as even as the rules allow (checked against every possible deal on small cases), deterministic for a
/// seed, and a clear refusal when it cannot be done.
/// </summary>
public class AssignmentDealerTests
{
    [Fact]
    public void Without_conflicts_every_judge_gets_the_same_load_give_or_take_one()
    {
        var apps = Apps(10);
        var judges = Enumerable.Range(1, 4).Select(i => new DealJudge(i, null)).ToList();

        var deal = AssignmentDealer.Deal(apps, judges, [], [], 3, seed: 7);

        Assert.True(deal.Succeeded);
        Assert.Equal(30, deal.NewAssignments.Count);
        Assert.Equal([7, 7, 8, 8], deal.Loads.Values.Order());
        Assert.All(apps, a => Assert.Equal(3, deal.NewAssignments.Where(p => p.ApplicationId == a.Id).Select(p => p.JudgeId).Distinct().Count()));
        Assert.Equal("Dealt 30 assignments: each judge has 7 to 8 applications.", deal.Summary);
    }

    [Fact]
    public void A_mayor_judge_is_never_dealt_their_own_city_and_a_conflict_is_respected()
    {
        // Judge 1 is the mayor of city 100 (application 1); judge 2 declared a conflict on application 2.
        var apps = Apps(6);
        var judges = new List<DealJudge> { new(1, 100), new(2, null), new(3, null), new(4, 200) };

        var deal = AssignmentDealer.Deal(apps, judges, [new DealPair(2, 2)], [], 3, seed: 1);

        Assert.True(deal.Succeeded);
        Assert.DoesNotContain(new DealPair(1, 1), deal.NewAssignments);
        Assert.DoesNotContain(new DealPair(2, 2), deal.NewAssignments);
        Assert.Equal([2, 3, 4], deal.NewAssignments.Where(p => p.ApplicationId == 1).Select(p => p.JudgeId).Order());
        Assert.Equal([1, 3, 4], deal.NewAssignments.Where(p => p.ApplicationId == 2).Select(p => p.JudgeId).Order());
        Assert.True(deal.Loads.Values.Max() - deal.Loads.Values.Min() <= 1);
    }

    [Fact]
    public void When_an_application_has_too_few_eligible_judges_nothing_is_dealt_and_it_says_which()
    {
        // Three judges; one is Ames's mayor: Ames's application can have only two.
        var apps = new List<DealApplication> { new(1, 100, "Ames, IA"), new(2, 101, "Boulder, CO") };
        var judges = new List<DealJudge> { new(1, 100), new(2, null), new(3, null) };

        var deal = AssignmentDealer.Deal(apps, judges, [], [], 3, seed: 1);

        Assert.False(deal.Succeeded);
        Assert.Empty(deal.NewAssignments);
        var shortfall = Assert.Single(deal.Shortfalls);
        Assert.Equal(new DealShortfall(1, 2, 3,
            "Ames, IA can be scored by 2 judges but needs 3: name more judges (a judge never scores their own city's application, nor one they declared a conflict on)."), shortfall);
        Assert.Equal("Nothing was dealt: 1 application cannot get 3 judges.", deal.Summary);
        Assert.Throws<InvalidOperationException>(() => AssignmentDealer.ToAssignments(deal, DateTime.UnixEpoch));
    }

    [Fact]
    public void Fewer_judges_than_needed_leaves_every_application_short()
    {
        var deal = AssignmentDealer.Deal(Apps(3), [new DealJudge(1, null), new DealJudge(2, null)], [], [], 3, seed: 1);

        Assert.Equal(3, deal.Shortfalls.Count);
    }

    [Fact]
    public void Staffs_assignments_are_kept_and_counted_and_forbidden_ones_are_dropped()
    {
        var apps = Apps(4);
        var judges = Enumerable.Range(1, 4).Select(i => new DealJudge(i, null)).ToList();
        // Staff gave judge 1 three applications; judge 2 later declared a conflict on application 4 it had.
        DealPair[] existing = [new(1, 1), new(1, 2), new(1, 3), new(2, 4)];

        var deal = AssignmentDealer.Deal(apps, judges, [new DealPair(2, 4)], existing, 2, seed: 3);

        Assert.True(deal.Succeeded);
        Assert.Equal([new DealPair(1, 1), new DealPair(1, 2), new DealPair(1, 3)], deal.Kept);
        Assert.Equal([new DealPair(2, 4)], deal.Dropped);
        Assert.Equal(8, deal.Kept.Count + deal.NewAssignments.Count);
        Assert.All(apps, a => Assert.Equal(2, deal.Kept.Concat(deal.NewAssignments).Count(p => p.ApplicationId == a.Id)));
        // Judge 1 already has 3 of the 8: the deal gives it nothing more, and the others share the rest evenly.
        Assert.Equal(3, deal.Loads[1]);
        Assert.Equal([1, 2, 2], new[] { deal.Loads[2], deal.Loads[3], deal.Loads[4] }.Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_deal_and_any_seed_gives_an_equally_even_one()
    {
        var apps = Apps(9);
        var judges = Enumerable.Range(1, 5).Select(i => new DealJudge(i, i == 1 ? 103 : null)).ToList();

        var first = AssignmentDealer.Deal(apps, judges, [new DealPair(2, 5)], [], 3, seed: 42);
        var again = AssignmentDealer.Deal(apps, judges, [new DealPair(2, 5)], [], 3, seed: 42);

        Assert.Equal(first.NewAssignments, again.NewAssignments);
        var squares = SumOfSquares(first.Loads.Values);
        var deals = Enumerable.Range(0, 20).Select(seed => AssignmentDealer.Deal(apps, judges, [new DealPair(2, 5)], [], 3, seed)).ToList();
        Assert.All(deals, d => Assert.Equal(squares, SumOfSquares(d.Loads.Values)));
        Assert.True(deals.Select(d => string.Join(",", d.NewAssignments)).Distinct().Count() > 1, "the seed should vary which judges get which applications");
    }

    [Fact]
    public void On_small_cases_the_deal_is_as_even_as_the_best_possible_deal_and_keeps_every_rule()
    {
        var random = new Random(2027);
        var tried = 0;
        for (var round = 0; round < 300; round++)
        {
            var appCount = random.Next(1, 5);
            var judgeCount = random.Next(2, 6);
            var k = random.Next(1, 3);
            var apps = Enumerable.Range(1, appCount).Select(i => new DealApplication(i, 100 + random.Next(0, 4), $"City {i}")).ToList();
            var judges = Enumerable.Range(1, judgeCount).Select(i => new DealJudge(i, random.Next(3) == 0 ? 100 + random.Next(0, 4) : null)).ToList();
            var conflicts = apps.SelectMany(a => judges.Where(_ => random.Next(5) == 0).Select(j => new DealPair(j.Id, a.Id))).ToList();

            var deal = AssignmentDealer.Deal(apps, judges, conflicts, [], k, seed: round);
            var best = BestPossible(apps, judges, conflicts, k);

            Assert.Equal(best is not null, deal.Succeeded);
            if (best is null)
            {
                Assert.NotEmpty(deal.Shortfalls);
                continue;
            }

            tried++;
            Assert.Equal(best.Value, SumOfSquares(deal.Loads.Values));
            foreach (var pair in deal.NewAssignments)
            {
                var app = apps.Single(a => a.Id == pair.ApplicationId);
                Assert.NotEqual(app.MembershipId, judges.Single(j => j.Id == pair.JudgeId).MembershipId);
                Assert.DoesNotContain(pair, conflicts);
            }

            Assert.All(apps, a => Assert.Equal(k, deal.NewAssignments.Where(p => p.ApplicationId == a.Id).Select(p => p.JudgeId).Distinct().Count()));
        }

        Assert.True(tried > 100, $"only {tried} feasible cases were tried");
    }

    [Fact]
    public void A_larger_cycle_is_dealt_evenly()
    {
        // 150 applications, 15 judges (5 of them mayors whose cities applied), 3 each: 450 assignments, 30 each.
        var apps = Enumerable.Range(1, 150).Select(i => new DealApplication(i, i, $"City {i}")).ToList();
        var judges = Enumerable.Range(1, 15).Select(i => new DealJudge(i, i <= 5 ? i : null)).ToList();

        var deal = AssignmentDealer.Deal(apps, judges, [new DealPair(11, 12), new DealPair(12, 11)], [], 3, seed: 5);

        Assert.True(deal.Succeeded);
        Assert.Equal(450, deal.NewAssignments.Count);
        Assert.All(deal.Loads.Values, load => Assert.Equal(30, load));
    }

    [Fact]
    public void Dealt_pairs_become_assignments_marked_as_dealt()
    {
        var deal = AssignmentDealer.Deal(Apps(1), [new DealJudge(1, null)], [], [], 1, seed: 0);

        var assignment = Assert.Single(AssignmentDealer.ToAssignments(deal, DateTime.UnixEpoch));

        Assert.Equal((1, 1, AssignmentDealer.DealtBy), (assignment.JudgeId, assignment.ApplicationId, assignment.AssignedBy));
    }

    private static List<DealApplication> Apps(int n) => Enumerable.Range(1, n).Select(i => new DealApplication(i, 100 + i, $"City {i}")).ToList();

    private static int SumOfSquares(IEnumerable<int> loads) => loads.Sum(l => l * l);

    /// <summary>The least sum of squared loads over every deal that keeps the rules, or null when none exists.</summary>
    private static int? BestPossible(List<DealApplication> apps, List<DealJudge> judges, List<DealPair> conflicts, int k)
    {
        var options = apps.Select(a => Subsets(judges.Where(j => j.MembershipId != a.MembershipId && !conflicts.Contains(new DealPair(j.Id, a.Id))).Select(j => j.Id).ToList(), k).ToList()).ToList();
        if (options.Any(o => o.Count == 0)) return null;
        int? best = null;
        var loads = judges.ToDictionary(j => j.Id, _ => 0);

        void Walk(int i)
        {
            if (i == options.Count)
            {
                var s = SumOfSquares(loads.Values);
                best = best is null ? s : Math.Min(best.Value, s);
                return;
            }

            foreach (var choice in options[i])
            {
                foreach (var j in choice) loads[j]++;
                Walk(i + 1);
                foreach (var j in choice) loads[j]--;
            }
        }

        Walk(0);
        return best;
    }

    private static IEnumerable<List<int>> Subsets(List<int> items, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = 0; i <= items.Count - k; i++)
            foreach (var rest in Subsets(items.Skip(i + 1).ToList(), k - 1))
                yield return [items[i], .. rest];
    }
}

namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// Deals applications to judges (issue 16), on top of what staff assigned already: every application gets at least
/// <c>ScoresPerApplication</c> judges; no judge gets their own city's application or one they declared a conflict on;
/// and the judges' loads are as even as those two rules allow.
/// <para>
/// It is exact, not greedy: the deal is a minimum-cost flow (successive shortest paths) from applications to judges
/// where a judge's n-th application costs 2n − 1, so the deal found minimises the sum of the squares of the judges'
/// loads. Among all deals that respect the rules none is more even; with no rule in the way the loads differ by at
/// most one. A deal exists exactly when every application has enough eligible judges (judges have no upper limit),
/// so the impossible case is known before dealing and reported per application, and then nothing is dealt.
/// </para>
/// <para>
/// Deterministic: the same input and seed give the same deal; the seed shuffles which of several equally even deals is
/// chosen, so that the first judges listed are not always given the first applications.
/// </para>
/// </summary>
public static class AssignmentDealer
{
    public const string DealtBy = "Dealt by the portal";

    public static DealResult Deal(IReadOnlyList<DealApplication> applications, IReadOnlyList<DealJudge> judges, IEnumerable<DealPair> conflicts,
        IEnumerable<DealPair> existing, int perApplication, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perApplication, 1);
        var conflicted = conflicts.ToHashSet();
        var appById = applications.ToDictionary(a => a.Id);
        var judgeById = judges.ToDictionary(j => j.Id);
        bool Eligible(DealJudge j, DealApplication a) => j.MembershipId != a.MembershipId && !conflicted.Contains(new DealPair(j.Id, a.Id));

        var kept = new List<DealPair>();
        var dropped = new List<DealPair>();
        foreach (var pair in existing.Distinct())
        {
            if (appById.TryGetValue(pair.ApplicationId, out var a) && judgeById.TryGetValue(pair.JudgeId, out var j) && Eligible(j, a)) kept.Add(pair);
            else dropped.Add(pair);
        }

        var keptSet = kept.ToHashSet();
        var need = applications.ToDictionary(a => a.Id, a => Math.Max(0, perApplication - kept.Count(p => p.ApplicationId == a.Id)));
        var shortfalls = new List<DealShortfall>();
        foreach (var a in applications)
        {
            var have = kept.Count(p => p.ApplicationId == a.Id);
            var free = judges.Count(j => Eligible(j, a) && !keptSet.Contains(new DealPair(j.Id, a.Id)));
            if (free < need[a.Id])
                shortfalls.Add(new DealShortfall(a.Id, have + free, perApplication, Inv(
                    $"{a.Label} can be scored by {have + free} {(have + free == 1 ? "judge" : "judges")} but needs {perApplication}: name more judges (a judge never scores their own city's application, nor one they declared a conflict on).")));
        }

        var keptLoads = judges.ToDictionary(j => j.Id, j => kept.Count(p => p.JudgeId == j.Id));
        if (shortfalls.Count > 0)
        {
            var summary = Inv($"Nothing was dealt: {shortfalls.Count} {(shortfalls.Count == 1 ? "application cannot" : "applications cannot")} get {perApplication} judges.");
            return new DealResult(false, [], kept, dropped, keptLoads, shortfalls, summary);
        }

        var random = new Random(seed);
        var appOrder = applications.Where(a => need[a.Id] > 0).ToArray();
        var judgeOrder = judges.ToArray();
        random.Shuffle(appOrder);
        random.Shuffle(judgeOrder);

        var dealt = Flow(appOrder, judgeOrder, need, keptLoads, (j, a) => Eligible(j, a) && !keptSet.Contains(new DealPair(j.Id, a.Id)));
        var loads = judges.ToDictionary(j => j.Id, j => keptLoads[j.Id] + dealt.Count(p => p.JudgeId == j.Id));
        var ordered = dealt.OrderBy(p => p.ApplicationId).ThenBy(p => p.JudgeId).ToList();
        var text = judges.Count == 0 || applications.Count == 0
            ? "Nothing to deal."
            : Inv($"Dealt {ordered.Count} {(ordered.Count == 1 ? "assignment" : "assignments")}: each judge has {loads.Values.Min()} to {loads.Values.Max()} applications.");
        return new DealResult(true, ordered, kept, dropped, loads, [], text);
    }

    /// <summary>The dealt pairs as assignments to add.</summary>
    public static IReadOnlyList<JudgeAssignment> ToAssignments(DealResult result, DateTime nowUtc)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Nothing was dealt.");
        return result.NewAssignments.Select(p => JudgeAssignment.Make(p.JudgeId, p.ApplicationId, DealtBy, nowUtc)).ToList();
    }

    /// <summary>
    /// Minimum-cost flow: source → application (its need) → judge (1, if allowed) → sink, where the judge → sink link
    /// costs 2·load + 1 for its next unit (the square's increase) and gives back 2·(load − 1) + 1 when a unit is undone.
    /// </summary>
    private static List<DealPair> Flow(DealApplication[] apps, DealJudge[] judges, Dictionary<int, int> need, Dictionary<int, int> keptLoads,
        Func<DealJudge, DealApplication, bool> allowed)
    {
        var graph = new Graph(apps.Length, judges.Length, judges.Select(j => keptLoads[j.Id]).ToArray());
        var total = 0;
        for (var i = 0; i < apps.Length; i++)
        {
            graph.AddSupply(i, need[apps[i].Id]);
            total += need[apps[i].Id];
        }

        var links = new List<(int Edge, int App, int Judge)>();
        for (var i = 0; i < apps.Length; i++)
            for (var k = 0; k < judges.Length; k++)
                if (allowed(judges[k], apps[i]))
                    links.Add((graph.AddLink(i, k), i, k));

        var pushed = graph.MinCostFlow(total);
        if (pushed != total) throw new InvalidOperationException("The dealer could not complete a deal it had found possible.");
        return links.Where(l => graph.Used(l.Edge)).Select(l => new DealPair(judges[l.Judge].Id, apps[l.App].Id)).ToList();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The residual graph of the deal, in arrays: nodes are the source, the applications, the judges and the sink; the
    /// judge → sink links are not stored but priced from each judge's load. Successive shortest paths with Dijkstra and
    /// potentials (every cost starts non-negative), one unit per path.
    /// </summary>
    private sealed class Graph
    {
        private readonly int _apps;
        private readonly int _judges;
        private readonly int _nodes;
        private readonly int[] _load;
        private readonly int[] _kept;
        private readonly List<int>[] _out;
        private readonly List<int> _to = [];
        private readonly List<int> _cap = [];
        private readonly List<int> _initial = [];

        public Graph(int apps, int judges, int[] keptLoads)
        {
            _apps = apps;
            _judges = judges;
            _nodes = apps + judges + 2;
            _load = (int[])keptLoads.Clone();
            _kept = keptLoads;
            _out = Enumerable.Range(0, _nodes).Select(_ => new List<int>()).ToArray();
        }

        private const int Source = 0;

        private int Sink => _nodes - 1;

        private static int AppNode(int app) => 1 + app;

        private int JudgeNode(int judge) => 1 + _apps + judge;

        public void AddSupply(int app, int units) => Add(Source, AppNode(app), units);

        public int AddLink(int app, int judge) => Add(AppNode(app), JudgeNode(judge), 1);

        public bool Used(int edge) => _cap[edge] < _initial[edge];

        public int MinCostFlow(int wanted)
        {
            var potential = new long[_nodes];
            var dist = new long[_nodes];
            var via = new int[_nodes];
            var queue = new PriorityQueue<int, (long, int)>();
            var flow = 0;
            while (flow < wanted)
            {
                Array.Fill(dist, long.MaxValue);
                Array.Fill(via, int.MinValue);
                dist[Source] = 0;
                queue.Clear();
                queue.Enqueue(Source, (0, Source));
                while (queue.TryDequeue(out var u, out var key))
                {
                    if (key.Item1 != dist[u]) continue;
                    foreach (var e in _out[u])
                        if (_cap[e] > 0) Relax(u, _to[e], e, 0, potential, dist, via, queue);
                    var judge = u - 1 - _apps;
                    if (judge >= 0 && judge < _judges)
                        Relax(u, Sink, -(judge + 1), (2L * _load[judge]) + 1, potential, dist, via, queue);
                    if (u == Sink)
                        for (var j = 0; j < _judges; j++)
                            if (_load[j] > _kept[j]) Relax(u, JudgeNode(j), -(j + 1), -((2L * (_load[j] - 1)) + 1), potential, dist, via, queue);
                }

                if (dist[Sink] == long.MaxValue) break;
                for (var v = 0; v < _nodes; v++)
                    if (dist[v] != long.MaxValue) potential[v] += dist[v];

                // One unit along the path; every link has capacity 1, so one is all a path carries.
                for (var v = Sink; v != Source;)
                {
                    var e = via[v];
                    if (e < 0)
                    {
                        var j = -e - 1;
                        if (v == Sink)
                        {
                            _load[j]++;
                            v = JudgeNode(j);
                        }
                        else
                        {
                            _load[j]--;
                            v = Sink;
                        }

                        continue;
                    }

                    _cap[e]--;
                    _cap[e ^ 1]++;
                    v = _to[e ^ 1];
                }

                flow++;
            }

            return flow;
        }

        private static void Relax(int from, int to, int edge, long cost, long[] potential, long[] dist, int[] via, PriorityQueue<int, (long, int)> queue)
        {
            var d = dist[from] + cost + potential[from] - potential[to];
            if (d >= dist[to]) return;
            dist[to] = d;
            via[to] = edge;
            queue.Enqueue(to, (d, to));
        }

        private int Add(int from, int to, int cap)
        {
            _out[from].Add(_to.Count);
            _to.Add(to);
            _cap.Add(cap);
            _initial.Add(cap);
            _out[to].Add(_to.Count);
            _to.Add(from);
            _cap.Add(0);
            _initial.Add(0);
            return _to.Count - 2;
        }
    }
}

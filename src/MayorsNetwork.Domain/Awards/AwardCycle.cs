namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// An awards cycle (issue 16): its name, prize categories by population band (each with its number of winners and
/// grant), the application deadline (to the second), and the scoring rubric (criteria with whole-number weights, each
/// scored 1–5). Applications are accepted while the clock is before the deadline; at the deadline they lock and scoring
/// opens; staff close scoring, pick the winners (normally the top of each category) and announce them.
/// <para>
/// The categories' bands must not overlap and must cover, without a gap, the populations from the lowest to the
/// highest they name (a city between two categories could not apply). Once a city has applied, the bands are fixed
/// (winners and grants may still change); once a judge has scored, the rubric is fixed.
/// </para>
/// </summary>
public sealed class AwardCycle
{
    public const int NameMaxLength = 150;
    public const int CriterionNameMaxLength = 100;
    public const int CriterionDescriptionMaxLength = 1_000;
    public const int MaxCategories = 10;
    public const int MaxCriteria = 20;
    public const int MaxWeight = 100;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int DefaultScoresPerApplication = 3;
    public const int NoteMaxLength = 2_000;

    public const string BadName = "award-cycle.name";
    public const string BadDeadline = "award-cycle.deadline";
    public const string BadCategory = "award-cycle.category";
    public const string BadCriterion = "award-cycle.criterion";
    public const string Fixed = "award-cycle.fixed";
    public const string WrongStage = "award-cycle.stage";
    public const string BadPick = "award-cycle.pick";
    public const string NoteNeeded = "award-cycle.note-needed";

    private AwardCycle()
    {
    }

    public int Id { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>The application deadline: accepted strictly before it, locked from it on (whole seconds).</summary>
    public DateTime DeadlineUtc { get; private set; }

    /// <summary>How many judges must score each application (<c>Awards:ScoresPerApplication</c> when the cycle opened).</summary>
    public int ScoresPerApplication { get; private set; } = DefaultScoresPerApplication;

    public List<AwardCategory> Categories { get; private set; } = [];

    public List<RubricCriterion> Criteria { get; private set; } = [];

    public List<AwardWinner> Winners { get; private set; } = [];

    public DateTime? ScoringClosedAtUtc { get; private set; }

    public DateTime? AnnouncedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public int TotalWeight => Criteria.Sum(c => c.Weight);

    public bool IsScoringClosed => ScoringClosedAtUtc is not null;

    public bool IsAnnounced => AnnouncedAtUtc is not null;

    /// <summary>Applications may be made and edited: strictly before the deadline.</summary>
    public bool AcceptsApplications(DateTime nowUtc) => nowUtc < DeadlineUtc;

    /// <summary>Judges may score: from the deadline until staff close scoring.</summary>
    public bool IsScoringOpen(DateTime nowUtc) => nowUtc >= DeadlineUtc && !IsScoringClosed;

    public static RuleResult<AwardCycle> Open(AwardCycleDraft draft, int scoresPerApplication, string by, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scoresPerApplication, 1);
        if (Check(draft, nowUtc) is { Count: > 0 } errors) return RuleResult.Fail<AwardCycle>(errors);
        var cycle = new AwardCycle
        {
            Name = draft.Name!.Trim(),
            DeadlineUtc = ToSecond(draft.DeadlineUtc),
            ScoresPerApplication = scoresPerApplication,
            CreatedBy = by,
            CreatedAtUtc = nowUtc,
            Categories = draft.Categories.OrderBy(c => c.MinPopulation).Select(AwardCategory.From).ToList(),
            Criteria = draft.Criteria.Select((c, i) => RubricCriterion.From(c, i + 1)).ToList(),
        };
        return RuleResult.Ok(cycle);
    }

    /// <summary>Everything wrong with a draft, keyed by property ("Name", "DeadlineUtc", "Categories", "Criteria").</summary>
    public static IReadOnlyList<RuleError> Check(AwardCycleDraft draft, DateTime nowUtc)
    {
        var errors = new List<RuleError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new RuleError(BadName, "Enter the cycle's name.", nameof(Name)));
        else if (name.Length > NameMaxLength) errors.Add(new RuleError(BadName, $"The name can be at most {NameMaxLength} characters.", nameof(Name)));
        if (draft.DeadlineUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("The deadline must be given in UTC.", nameof(draft));
        if (ToSecond(draft.DeadlineUtc) <= nowUtc) errors.Add(new RuleError(BadDeadline, "The deadline must be in the future.", nameof(DeadlineUtc)));

        if (draft.Categories.Count == 0)
            errors.Add(new RuleError(BadCategory, "Enter at least one prize category.", nameof(Categories)));
        else if (draft.Categories.Count > MaxCategories)
            errors.Add(new RuleError(BadCategory, $"A cycle can have at most {MaxCategories} categories.", nameof(Categories)));
        else
            errors.AddRange(PopulationBand.CheckSet(draft.Categories.Select(c => new PopulationBand(c.MinPopulation, c.MaxPopulation)), nameof(Categories)));
        foreach (var c in draft.Categories)
        {
            var label = new PopulationBand(c.MinPopulation, c.MaxPopulation).Describe();
            if (c.Winners < 1) errors.Add(new RuleError(BadCategory, $"Category {label}: it needs at least one winner.", nameof(Categories)));
            if (c.GrantAmount <= 0 || decimal.Round(c.GrantAmount, 2) != c.GrantAmount)
                errors.Add(new RuleError(BadCategory, $"Category {label}: the grant must be an amount in dollars and cents, more than zero.", nameof(Categories)));
            if (c.Name is { Length: > NameMaxLength }) errors.Add(new RuleError(BadCategory, $"Category {label}: its name can be at most {NameMaxLength} characters.", nameof(Categories)));
        }

        if (draft.Criteria.Count == 0)
            errors.Add(new RuleError(BadCriterion, "Enter at least one scoring criterion.", nameof(Criteria)));
        else if (draft.Criteria.Count > MaxCriteria)
            errors.Add(new RuleError(BadCriterion, $"A rubric can have at most {MaxCriteria} criteria.", nameof(Criteria)));
        foreach (var (c, i) in draft.Criteria.Select((c, i) => (c, i + 1)))
        {
            var cname = c.Name?.Trim() ?? "";
            if (cname.Length is 0 or > CriterionNameMaxLength)
                errors.Add(new RuleError(BadCriterion, $"Criterion {i}: enter a name of at most {CriterionNameMaxLength} characters.", nameof(Criteria)));
            if (c.Weight is < 1 or > MaxWeight)
                errors.Add(new RuleError(BadCriterion, $"Criterion {i}: the weight must be a whole number from 1 to {MaxWeight}.", nameof(Criteria)));
            if (c.Description is { Length: > CriterionDescriptionMaxLength })
                errors.Add(new RuleError(BadCriterion, $"Criterion {i}: the description can be at most {CriterionDescriptionMaxLength:N0} characters.", nameof(Criteria)));
        }

        var duplicate = draft.Criteria.Select(c => c.Name?.Trim() ?? "").Where(n => n.Length > 0)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            errors.Add(new RuleError(BadCriterion, $"Two criteria are named \"{duplicate.Key}\".", nameof(Criteria)));
        return errors;
    }

    /// <summary>
    /// Revises the cycle before the deadline: name and deadline freely (the new deadline in the future); categories'
    /// bands only while no city has applied (winners and grants at any time); the rubric only while nobody has scored.
    /// </summary>
    public RuleResult Revise(AwardCycleDraft draft, int applications, int scorecards, DateTime nowUtc)
    {
        if (!AcceptsApplications(nowUtc))
            return RuleResult.Fail(Fixed, "The deadline has passed: the cycle can no longer be revised.");
        if (Check(draft, nowUtc) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        var bands = draft.Categories.OrderBy(c => c.MinPopulation).ToList();
        var sameBands = bands.Count == Categories.Count && bands.Zip(Categories).All(p => p.First.MinPopulation == p.Second.MinPopulation && p.First.MaxPopulation == p.Second.MaxPopulation);
        if (!sameBands && applications > 0)
            return RuleResult.Fail(Fixed, "Cities have applied: the categories' population bands can no longer change (their winners and grants can).", nameof(Categories));
        var sameRubric = draft.Criteria.Count == Criteria.Count &&
                         draft.Criteria.Zip(Criteria).All(p => p.First.Name!.Trim() == p.Second.Name && p.First.Weight == p.Second.Weight);
        if (!sameRubric && scorecards > 0)
            return RuleResult.Fail(Fixed, "Judges have scored: the rubric can no longer change.", nameof(Criteria));

        Name = draft.Name!.Trim();
        DeadlineUtc = ToSecond(draft.DeadlineUtc);
        if (sameBands)
            foreach (var (d, c) in bands.Zip(Categories)) c.Revise(d);
        else
            Categories = bands.Select(AwardCategory.From).ToList();
        if (!sameRubric || draft.Criteria.Zip(Criteria).Any(p => (p.First.Description?.Trim() ?? "") != p.Second.Description))
            Criteria = draft.Criteria.Select((c, i) => RubricCriterion.From(c, i + 1)).ToList();
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>The category a city of <paramref name="population"/> competes in, or null when none covers it.</summary>
    public AwardCategory? CategoryFor(int population) => Categories.FirstOrDefault(c => c.Band.Contains(population));

    /// <summary>Staff close scoring (after the deadline): from then on judges see everyone's scores, and winners can be picked.</summary>
    public RuleResult CloseScoring(DateTime nowUtc)
    {
        if (nowUtc < DeadlineUtc) return RuleResult.Fail(WrongStage, "Scoring cannot close before the application deadline.");
        if (IsScoringClosed) return RuleResult.Fail(WrongStage, "Scoring is already closed.");
        ScoringClosedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>A judge sees only their own scorecards until scoring closes; staff see all.</summary>
    public bool MaySee(Scorecard card, bool viewerIsStaff, int? viewerJudgeId) =>
        viewerIsStaff || IsScoringClosed || (viewerJudgeId is { } id && card.JudgeId == id);

    /// <summary>
    /// Staff pick a category's winners (replacing an earlier pick), after scoring closed and before the announcement: at
    /// most the category's number of winners, all from the category. Normally the proposal's winners; a pick that
    /// differs from it, or that breaks a tie for the last places, needs a note saying why (a tie is never broken silently).
    /// </summary>
    public RuleResult<IReadOnlyList<AwardWinner>> PickWinners(AwardCategory category, IReadOnlyList<AwardApplication> chosen, WinnerProposal proposal,
        string? note, string by, DateTime nowUtc)
    {
        if (!Categories.Contains(category)) throw new ArgumentException("The category is another cycle's.", nameof(category));
        if (!IsScoringClosed) return RuleResult.Fail<IReadOnlyList<AwardWinner>>(WrongStage, "Close scoring before picking the winners.");
        if (IsAnnounced) return RuleResult.Fail<IReadOnlyList<AwardWinner>>(WrongStage, "The winners have been announced; they can no longer change.");
        if (chosen.Any(a => a.CategoryId != category.Id || a.AwardCycleId != Id))
            return RuleResult.Fail<IReadOnlyList<AwardWinner>>(BadPick, $"Every winner must be an application of the category {category.Name}.");
        if (chosen.Select(a => a.Id).Distinct().Count() != chosen.Count)
            return RuleResult.Fail<IReadOnlyList<AwardWinner>>(BadPick, "An application is chosen twice.");
        if (chosen.Count > category.Winners)
            return RuleResult.Fail<IReadOnlyList<AwardWinner>>(BadPick, $"{category.Name} has {category.Winners} {(category.Winners == 1 ? "winner" : "winners")}; {chosen.Count} were chosen.");
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length > NoteMaxLength) return RuleResult.Fail<IReadOnlyList<AwardWinner>>(NoteNeeded, $"The note can be at most {NoteMaxLength:N0} characters.", "Note");
        if (!proposal.IsFollowedBy(chosen.Select(a => a.Id)) && trimmed.Length == 0)
            return RuleResult.Fail<IReadOnlyList<AwardWinner>>(NoteNeeded, proposal.TiedForLastPlaces.Count > 0
                ? "Applications tie for the last place: say why you chose as you did."
                : "This pick differs from the ranking: say why.", "Note");

        Winners.RemoveAll(w => w.CategoryId == category.Id);
        var winners = chosen.Select(a => AwardWinner.Make(category, a, trimmed, by, nowUtc)).ToList();
        Winners.AddRange(winners);
        Version = Guid.NewGuid();
        return RuleResult.Ok<IReadOnlyList<AwardWinner>>(winners);
    }

    /// <summary>Announces the winners picked so far (a category with none announces no award); after that nothing changes.</summary>
    public RuleResult Announce(DateTime nowUtc)
    {
        if (!IsScoringClosed) return RuleResult.Fail(WrongStage, "Close scoring and pick the winners before announcing them.");
        if (IsAnnounced) return RuleResult.Fail(WrongStage, "The winners have already been announced.");
        if (Winners.Count == 0) return RuleResult.Fail(WrongStage, "Pick at least one winner before announcing.");
        AnnouncedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>The deadline in words for messages: "March 31, 2027 at 17:00:00 UTC".</summary>
    public string DeadlineText => DeadlineUtc.ToString("MMMM d, yyyy 'at' HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static DateTime ToSecond(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Kind);
}

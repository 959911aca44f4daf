using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// The rules of one meeting's votes (issue 17), set by staff and fixed once its first vote opens (<see cref="Lock"/>):
/// <list type="bullet">
/// <item>alternates a city may name: 0, 1 (the default, as before) or 2 (Cal Cities);</item>
/// <item>proxies: off (the default), or on with the most cities one person may carry as proxy, not counting their own
/// city (default 1);</item>
/// <item>vote weight: one per city (the default), population tiers (seeded with NLC's table), or a table staff enter;</item>
/// <item>whether abstentions count in the base of a majority (default no, as Robert's Rules: two-thirds of the votes cast,
/// blanks ignored), and whether the quorum counts weight (default) or cities.</item>
/// </list>
/// With the defaults a vote is counted exactly as before this type existed.
/// </summary>
public sealed class MeetingRules
{
    public const int DefaultAlternates = 1;
    public const int MaxAlternates = 2;
    public const int DefaultMaxCitiesPerProxyHolder = 1;
    public const int MaxCitiesPerProxyHolderLimit = 50;

    public const string Locked = "meeting-rules.locked";
    public const string BadAlternates = "meeting-rules.alternates";
    public const string BadProxyMaximum = "meeting-rules.proxy-maximum";
    public const string BadChoice = "meeting-rules.choice";

    private MeetingRules()
    {
    }

    public int Id { get; set; }

    public int MeetingId { get; private set; }

    public int AlternatesAllowed { get; private set; } = DefaultAlternates;

    public bool ProxiesAllowed { get; private set; }

    public int MaxCitiesPerProxyHolder { get; private set; } = DefaultMaxCitiesPerProxyHolder;

    public VoteWeighting Weighting { get; private set; } = VoteWeighting.OnePerCity;

    /// <summary>The weight table (empty for one vote per city).</summary>
    public List<WeightTier> Tiers { get; private set; } = [];

    public bool AbstentionsInBase { get; private set; }

    public QuorumBasis QuorumBasis { get; private set; } = QuorumBasis.Weight;

    /// <summary>When the meeting's first vote opened; from then on the rules cannot change.</summary>
    public DateTime? LockedAtUtc { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsLocked => LockedAtUtc is not null;

    public bool IsWeighted => Weighting != VoteWeighting.OnePerCity;

    public static MeetingRules Default(int meetingId) => new() { MeetingId = meetingId };

    /// <summary>Everything wrong with <paramref name="settings"/>, keyed by their property names.</summary>
    public static IReadOnlyList<RuleError> Check(MeetingRulesSettings settings)
    {
        var errors = new List<RuleError>();
        if (settings.AlternatesAllowed is < 0 or > MaxAlternates)
            errors.Add(new RuleError(BadAlternates, $"A city may name 0, 1 or {MaxAlternates} alternates.", nameof(AlternatesAllowed)));
        if (settings.MaxCitiesPerProxyHolder is < 1 or > MaxCitiesPerProxyHolderLimit)
            errors.Add(new RuleError(BadProxyMaximum,
                $"The most cities one person may carry as proxy must be from 1 to {MaxCitiesPerProxyHolderLimit}.", nameof(MaxCitiesPerProxyHolder)));
        if (!Enum.IsDefined(settings.Weighting))
            errors.Add(new RuleError(BadChoice, "Choose how votes are weighted.", nameof(Weighting)));
        if (!Enum.IsDefined(settings.QuorumBasis))
            errors.Add(new RuleError(BadChoice, "Choose what the quorum counts.", nameof(QuorumBasis)));
        if (settings.Weighting is VoteWeighting.PopulationTiers or VoteWeighting.StaffTable)
            errors.AddRange(TableOf(settings).Validate());
        return errors;
    }

    /// <summary>Changes the rules; refused once the first vote has opened, and when a setting is out of range.</summary>
    public RuleResult Update(MeetingRulesSettings settings, string by, DateTime nowUtc)
    {
        if (IsLocked)
            return RuleResult.Fail(Locked, "The meeting's first vote has opened: its voting rules can no longer change.");
        if (Check(settings) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        AlternatesAllowed = settings.AlternatesAllowed;
        ProxiesAllowed = settings.ProxiesAllowed;
        MaxCitiesPerProxyHolder = settings.MaxCitiesPerProxyHolder;
        Weighting = settings.Weighting;
        Tiers = settings.Weighting == VoteWeighting.OnePerCity ? [] : TableOf(settings).Tiers.ToList();
        AbstentionsInBase = settings.AbstentionsInBase;
        QuorumBasis = settings.QuorumBasis;
        UpdatedBy = by;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>Fixes the rules; called when the meeting's first vote opens. False when they were already fixed.</summary>
    public bool Lock(DateTime nowUtc)
    {
        if (IsLocked) return false;
        LockedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return true;
    }

    public WeightTable Table => new(Tiers);

    /// <summary>The votes a city of <paramref name="population"/> casts under these rules.</summary>
    public int WeightFor(int population) => IsWeighted ? Table.WeightFor(population) : 1;

    /// <summary>How a vote of this meeting with <paramref name="rule"/> and <paramref name="quorumPercent"/> is counted.</summary>
    public TallyRules TallyRulesFor(PassRule rule, int quorumPercent) => new(rule, quorumPercent, AbstentionsInBase, QuorumBasis, IsWeighted);

    private static WeightTable TableOf(MeetingRulesSettings settings) =>
        settings.Weighting == VoteWeighting.PopulationTiers && (settings.Tiers is null || settings.Tiers.Count == 0)
            ? WeightTable.Nlc()
            : new WeightTable(settings.Tiers ?? []);
}

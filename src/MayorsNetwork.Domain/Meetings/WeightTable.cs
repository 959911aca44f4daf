namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// A table of vote weights by population (issue 17). Usable when its tiers start at 0, meet without gaps or overlaps,
/// end open ("and over") and give each a whole, positive number of votes (at most <see cref="MaxWeight"/>).
/// </summary>
public sealed class WeightTable
{
    public const int MaxWeight = 1_000;
    public const int MaxTiers = 100;

    public const string Empty = "weight-table.empty";
    public const string FirstNotZero = "weight-table.first-not-zero";
    public const string Gap = "weight-table.gap";
    public const string Overlap = "weight-table.overlap";
    public const string BadRange = "weight-table.bad-range";
    public const string NotOpenEnded = "weight-table.not-open-ended";
    public const string BadWeight = "weight-table.bad-weight";
    public const string TooMany = "weight-table.too-many";

    public WeightTable(IEnumerable<WeightTier> tiers) => Tiers = tiers.OrderBy(t => t.MinPopulation).ThenBy(t => t.MaxPopulation ?? int.MaxValue).ToList();

    /// <summary>The tiers in population order.</summary>
    public IReadOnlyList<WeightTier> Tiers { get; }

    /// <summary>
    /// The National League of Cities' table: under 50,000: 1; 50,000–99,999: 2; 100,000–199,999: 4; then 2 more per
    /// 100,000, up to 20 at 900,000 and over.
    /// </summary>
    public static WeightTable Nlc() => new(
    [
        new WeightTier(0, 50_000, 1),
        new WeightTier(50_000, 100_000, 2),
        .. Enumerable.Range(1, 8).Select(i => new WeightTier(i * 100_000, (i + 1) * 100_000, 2 * (i + 1))),
        new WeightTier(900_000, null, 20),
    ]);

    /// <summary>Everything wrong with the table, each with the property "Tiers".</summary>
    public IReadOnlyList<RuleError> Validate()
    {
        var errors = new List<RuleError>();
        if (Tiers.Count == 0)
        {
            errors.Add(Error(Empty, "Enter at least one population tier."));
            return errors;
        }

        if (Tiers.Count > MaxTiers) errors.Add(Error(TooMany, $"A table can have at most {MaxTiers} tiers."));
        if (Tiers[0].MinPopulation != 0) errors.Add(Error(FirstNotZero, Inv($"The first tier must start at a population of 0; it starts at {Tiers[0].MinPopulation:N0}.")));
        for (var i = 0; i < Tiers.Count; i++)
        {
            var t = Tiers[i];
            if (t.Weight is < 1 or > MaxWeight)
                errors.Add(Error(BadWeight, Inv($"Tier {t.Describe()}: the weight must be a whole number of votes from 1 to {MaxWeight:N0}.")));
            if (t.MinPopulation < 0 || t.MaxPopulation is { } max && max <= t.MinPopulation)
                errors.Add(Error(BadRange, Inv($"The tier starting at {t.MinPopulation:N0}: its upper bound must be above its lower bound.")));
            var isLast = i == Tiers.Count - 1;
            if (isLast)
            {
                if (t.MaxPopulation is not null) errors.Add(Error(NotOpenEnded, "The last tier must have no upper bound (\"and over\")."));
                continue;
            }

            var next = Tiers[i + 1];
            if (t.MaxPopulation is not { } upper || upper > next.MinPopulation)
                errors.Add(Error(Overlap, Inv($"Tiers {t.Describe()} and {next.Describe()} overlap.")));
            else if (upper < next.MinPopulation)
                errors.Add(Error(Gap, Inv($"No tier covers populations {upper:N0} to {next.MinPopulation - 1:N0}.")));
        }

        return errors;
    }

    /// <summary>The votes of a city of <paramref name="population"/>. The table must be valid.</summary>
    public int WeightFor(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return Tiers.FirstOrDefault(t => t.Contains(population))?.Weight
               ?? throw new InvalidOperationException(Inv($"The weight table has no tier for a population of {population:N0}."));
    }

    private static RuleError Error(string code, string message) => new(code, message, nameof(Tiers));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

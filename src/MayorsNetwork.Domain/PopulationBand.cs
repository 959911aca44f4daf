namespace MayorsNetwork.Domain;

/// <summary>
/// A half-open range of population, <c>MinPopulation &lt;= p &lt; MaxPopulation</c> (no maximum: "or more"), used to
/// filter the best-practices showcase and to define award categories (issue 16).
/// </summary>
public readonly record struct PopulationBand(int MinPopulation, int? MaxPopulation)
{
    public const string BadRange = "population-band.range";
    public const string Overlap = "population-band.overlap";
    public const string Gap = "population-band.gap";
    public const string Empty = "population-band.empty";

    /// <summary>The bands the showcase filters by.</summary>
    public static IReadOnlyList<PopulationBand> Filters { get; } =
    [
        new(0, 50_000),
        new(50_000, 100_000),
        new(100_000, 250_000),
        new(250_000, 500_000),
        new(500_000, 1_000_000),
        new(1_000_000, null),
    ];

    public bool Contains(int population) => population >= MinPopulation && (MaxPopulation is null || population < MaxPopulation);

    /// <summary>"under 100,000", "100,000 to 249,999", "1,000,000 or more".</summary>
    public string Describe() => MaxPopulation switch
    {
        null => Inv($"{MinPopulation:N0} or more"),
        { } max when MinPopulation == 0 => Inv($"under {max:N0}"),
        { } max => Inv($"{MinPopulation:N0} to {max - 1:N0}"),
    };

    /// <summary>A short key for addresses: "0-49999", "1000000-".</summary>
    public string Key => MaxPopulation is { } max ? Inv($"{MinPopulation}-{max - 1}") : Inv($"{MinPopulation}-");

    public static bool TryParseKey(string? key, out PopulationBand band)
    {
        band = default;
        var parts = key?.Split('-');
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return false;
        if (parts[1].Length == 0)
        {
            band = new PopulationBand(min, null);
            return true;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last < min || last == int.MaxValue) return false;
        band = new PopulationBand(min, last + 1);
        return true;
    }

    /// <summary>
    /// Checks a set of bands: each is a proper range; none overlaps another; and together they cover, without a gap,
    /// every population from the lowest band's minimum to the highest band's maximum (what they claim to cover).
    /// </summary>
    public static IReadOnlyList<RuleError> CheckSet(IEnumerable<PopulationBand> bands, string property)
    {
        var ordered = bands.OrderBy(b => b.MinPopulation).ThenBy(b => b.MaxPopulation ?? int.MaxValue).ToList();
        var errors = new List<RuleError>();
        if (ordered.Count == 0)
        {
            errors.Add(new RuleError(Empty, "Enter at least one population band.", property));
            return errors;
        }

        foreach (var b in ordered.Where(b => b.MinPopulation < 0 || b.MaxPopulation is { } max && max <= b.MinPopulation))
            errors.Add(new RuleError(BadRange, Inv($"The band starting at {b.MinPopulation:N0} must end above where it starts."), property));
        if (errors.Count > 0) return errors;

        for (var i = 1; i < ordered.Count; i++)
        {
            var (prev, next) = (ordered[i - 1], ordered[i]);
            if (prev.MaxPopulation is not { } end || end > next.MinPopulation)
                errors.Add(new RuleError(Overlap, $"The bands {prev.Describe()} and {next.Describe()} overlap.", property));
            else if (end < next.MinPopulation)
                errors.Add(new RuleError(Gap, Inv($"No band covers populations {end:N0} to {next.MinPopulation - 1:N0}."), property));
        }

        return errors;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

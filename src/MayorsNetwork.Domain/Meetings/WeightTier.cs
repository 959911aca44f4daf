namespace MayorsNetwork.Domain.Meetings;

/// <summary>One row of a vote-weight table: the half-open population range <c>MinPopulation &lt;= p &lt; MaxPopulation</c>
/// (no maximum: "and over") and the votes a city in it casts.</summary>
public sealed record WeightTier(int MinPopulation, int? MaxPopulation, int Weight)
{
    public bool Contains(int population) => population >= MinPopulation && (MaxPopulation is null || population < MaxPopulation);

    public string Describe() => MaxPopulation is null
        ? string.Create(CultureInfo.InvariantCulture, $"{MinPopulation:N0} and over")
        : MinPopulation == 0
            ? string.Create(CultureInfo.InvariantCulture, $"under {MaxPopulation.Value:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{MinPopulation:N0} to {MaxPopulation.Value - 1:N0}");
}

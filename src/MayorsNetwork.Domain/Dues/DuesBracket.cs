namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// One bracket of a schedule: the half-open population range <c>MinPopulation &lt;= p &lt; MaxPopulation</c>
/// (no maximum means "and over"), a base amount and a rate per resident (zero for flat tiers).
/// </summary>
public sealed class DuesBracket
{
    public int Id { get; set; }

    public int MinPopulation { get; set; }

    public int? MaxPopulation { get; set; }

    public decimal BaseAmount { get; set; }

    public decimal PerCapitaRate { get; set; }

    public bool Contains(int population) =>
        population >= MinPopulation && (MaxPopulation is null || population < MaxPopulation);

    public string Describe() => MaxPopulation is null
        ? string.Create(CultureInfo.InvariantCulture, $"{MinPopulation:N0} and over")
        : string.Create(CultureInfo.InvariantCulture, $"{MinPopulation:N0} to {MaxPopulation.Value - 1:N0}");
}

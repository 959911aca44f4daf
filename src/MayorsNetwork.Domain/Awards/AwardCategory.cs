namespace MayorsNetwork.Domain.Awards;

/// <summary>A prize category of an award cycle: the cities of a population band compete in it for its grants.</summary>
public sealed class AwardCategory
{
    private AwardCategory()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public string Name { get; private set; } = "";

    public int MinPopulation { get; private set; }

    public int? MaxPopulation { get; private set; }

    /// <summary>How many winners it normally has.</summary>
    public int Winners { get; private set; }

    /// <summary>The grant each winner receives, in dollars.</summary>
    public decimal GrantAmount { get; private set; }

    public PopulationBand Band => new(MinPopulation, MaxPopulation);

    internal static AwardCategory From(AwardCycleDraft.Category draft) => new()
    {
        Name = string.IsNullOrWhiteSpace(draft.Name) ? "Cities " + new PopulationBand(draft.MinPopulation, draft.MaxPopulation).Describe() : draft.Name.Trim(),
        MinPopulation = draft.MinPopulation,
        MaxPopulation = draft.MaxPopulation,
        Winners = draft.Winners,
        GrantAmount = draft.GrantAmount,
    };

    internal void Revise(AwardCycleDraft.Category draft)
    {
        Name = string.IsNullOrWhiteSpace(draft.Name) ? Name : draft.Name.Trim();
        Winners = draft.Winners;
        GrantAmount = draft.GrantAmount;
    }
}

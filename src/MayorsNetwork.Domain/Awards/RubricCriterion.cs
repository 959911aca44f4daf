namespace MayorsNetwork.Domain.Awards;

/// <summary>A criterion of an award cycle's scoring rubric: judges score it from 1 to 5; its weight counts in the weighted mean.</summary>
public sealed class RubricCriterion
{
    private RubricCriterion()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Weight { get; private set; }

    /// <summary>Its place in the rubric, from 1.</summary>
    public int Position { get; private set; }

    internal static RubricCriterion From(AwardCycleDraft.Criterion draft, int position) => new()
    {
        Name = draft.Name!.Trim(),
        Description = draft.Description?.Trim() ?? "",
        Weight = draft.Weight,
        Position = position,
    };
}

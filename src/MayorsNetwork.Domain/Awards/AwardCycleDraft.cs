namespace MayorsNetwork.Domain.Awards;

/// <summary>What staff enter to open (or revise) an award cycle.</summary>
/// <param name="DeadlineUtc">Applications are accepted until this moment (to the second; sub-second parts are dropped).</param>
public sealed record AwardCycleDraft(string? Name, DateTime DeadlineUtc, IReadOnlyList<AwardCycleDraft.Category> Categories, IReadOnlyList<AwardCycleDraft.Criterion> Criteria)
{
    /// <summary>A prize category: the population band it covers, how many winners and the grant each receives.</summary>
    /// <param name="Name">An optional label; by default "Cities " and the band ("Cities under 100,000").</param>
    public sealed record Category(int MinPopulation, int? MaxPopulation, int Winners, decimal GrantAmount, string? Name = null);

    /// <summary>A rubric criterion and its weight (a whole number, 1–100; weights need not add up to anything).</summary>
    public sealed record Criterion(string? Name, int Weight, string? Description = null);
}

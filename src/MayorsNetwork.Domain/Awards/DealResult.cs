namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// What the dealer did. On success, <see cref="NewAssignments"/> are to be added (nothing else changes but
/// <see cref="Dropped"/>, existing assignments a rule now forbids). On failure nothing is dealt: <see cref="Shortfalls"/>
/// says which applications cannot get enough judges.
/// </summary>
/// <param name="Loads">Each judge's number of applications after the deal (kept and new).</param>
public sealed record DealResult(
    bool Succeeded,
    IReadOnlyList<DealPair> NewAssignments,
    IReadOnlyList<DealPair> Kept,
    IReadOnlyList<DealPair> Dropped,
    IReadOnlyDictionary<int, int> Loads,
    IReadOnlyList<DealShortfall> Shortfalls,
    string Summary);

namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// The normal pick for a category: its top N (N its number of winners) by the ranking. When applications tie across
/// the last place (two tied at rank 2 for one remaining place), the ranking cannot decide: they are listed as tied for
/// <see cref="PlacesInTie"/> places and staff must choose, with a note (<see cref="AwardCycle.PickWinners"/>).
/// </summary>
/// <param name="Winners">The applications the ranking puts among the winners for certain.</param>
/// <param name="TiedForLastPlaces">The applications tied across the cut, competing for <paramref name="PlacesInTie"/> places.</param>
public sealed record WinnerProposal(int CategoryId, int Places, IReadOnlyList<int> Winners, IReadOnlyList<int> TiedForLastPlaces, int PlacesInTie)
{
    public static WinnerProposal For(AwardCategory category, IReadOnlyList<RankedApplication> ranking)
    {
        var ranked = ranking.Where(r => r.Rank is not null).ToList();
        var sizes = ranked.GroupBy(r => r.Rank!.Value).ToDictionary(g => g.Key, g => g.Count());
        var places = category.Winners;
        var sure = ranked.Where(r => r.Rank!.Value + sizes[r.Rank.Value] - 1 <= places).Select(r => r.Result.ApplicationId).ToList();
        var straddling = ranked.Where(r => r.Rank!.Value <= places && r.Rank.Value + sizes[r.Rank.Value] - 1 > places).ToList();
        var inTie = straddling.Count == 0 ? 0 : places - (straddling[0].Rank!.Value - 1);
        return new WinnerProposal(category.Id, places, sure, straddling.Select(r => r.Result.ApplicationId).ToList(), inTie);
    }

    /// <summary>Whether a pick is exactly the ranking's: the sure winners and nothing else, with no tie to break.</summary>
    public bool IsFollowedBy(IEnumerable<int> chosenApplicationIds) =>
        TiedForLastPlaces.Count == 0 && chosenApplicationIds.ToHashSet().SetEquals(Winners);
}

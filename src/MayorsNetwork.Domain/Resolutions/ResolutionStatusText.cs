namespace MayorsNetwork.Domain.Resolutions;

public static class ResolutionStatusText
{
    public static string Display(this ResolutionStatus status) => status switch
    {
        ResolutionStatus.Submitted => "Submitted",
        ResolutionStatus.Referred => "Referred",
        ResolutionStatus.InCommitteeVote => "In committee vote",
        ResolutionStatus.Recommended => "Recommended",
        ResolutionStatus.NotRecommended => "Not recommended",
        ResolutionStatus.InPlenaryVote => "In plenary vote",
        ResolutionStatus.Adopted => "Adopted",
        ResolutionStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    /// <summary>The only moves the flow allows; anything else is refused.</summary>
    public static bool CanMove(ResolutionStatus from, ResolutionStatus to) => (from, to) switch
    {
        (ResolutionStatus.Submitted, ResolutionStatus.Referred) => true,
        (ResolutionStatus.Referred, ResolutionStatus.InCommitteeVote) => true,
        (ResolutionStatus.InCommitteeVote, ResolutionStatus.Recommended) => true,
        (ResolutionStatus.InCommitteeVote, ResolutionStatus.NotRecommended) => true,
        (ResolutionStatus.Recommended, ResolutionStatus.InPlenaryVote) => true,
        (ResolutionStatus.InPlenaryVote, ResolutionStatus.Adopted) => true,
        (ResolutionStatus.InPlenaryVote, ResolutionStatus.Failed) => true,
        _ => false,
    };

    /// <summary>Decided: nothing more happens to the resolution.</summary>
    public static bool IsFinal(this ResolutionStatus status) =>
        status is ResolutionStatus.NotRecommended or ResolutionStatus.Adopted or ResolutionStatus.Failed;
}

namespace MayorsNetwork.Domain.Resolutions;

/// <summary>
/// Where a resolution stands. Submitted → Referred (to a standing committee) → In committee vote →
/// Recommended or Not recommended; a recommended resolution → In plenary vote → Adopted or Failed.
/// </summary>
public enum ResolutionStatus
{
    Submitted = 1,
    Referred = 2,
    InCommitteeVote = 3,
    Recommended = 4,
    NotRecommended = 5,
    InPlenaryVote = 6,
    Adopted = 7,
    Failed = 8,
}

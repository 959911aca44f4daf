namespace MayorsNetwork.Web.Services;

/// <summary>What became of a ballot someone tried to cast.</summary>
public enum CastResult
{
    Recorded,
    AlreadyVoted,
    Closed,
    NotAnElector,
    NotYourCity,
    NoSuchVote,
}

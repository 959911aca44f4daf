using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// One vote on a resolution, by its committee or by the plenary. Its electors are fixed when staff open it
/// (<see cref="Elector"/> rows); each elector city casts at most one ballot (a unique index). Staff close it;
/// the counts and the result are computed then, from the ballots, and kept here.
/// </summary>
public sealed class Vote
{
    public int Id { get; set; }

    public int ResolutionId { get; set; }

    public Resolution Resolution { get; set; } = null!;

    public VoteStage Stage { get; set; }

    /// <summary>The meeting the resolution belongs to (plenary electors are the cities credentialed for it).</summary>
    public int MeetingId { get; set; }

    /// <summary>The committee, for a committee vote.</summary>
    public int? BodyId { get; set; }

    public bool IsOpen { get; set; }

    public DateTime OpenedAtUtc { get; set; }

    public string? OpenedByUserId { get; set; }

    public required string OpenedBy { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? ClosedByUserId { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Copied from the resolution when the vote opens.</summary>
    public PassRule PassRule { get; set; }

    public int QuorumPercent { get; set; }

    public int ElectorCount { get; set; }

    /// <summary>Counts at close (null while open).</summary>
    public int? Yes { get; set; }

    public int? No { get; set; }

    public int? Abstain { get; set; }

    public bool? Passed { get; set; }

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>The final tally, once closed.</summary>
    public Tally? Result => IsClosed ? new Tally(ElectorCount, Yes ?? 0, No ?? 0, Abstain ?? 0) : null;

    public List<Elector> Electors { get; set; } = [];

    public List<Ballot> Ballots { get; set; } = [];
}

/// <summary>
/// A city entitled to vote in one vote, fixed when the vote opens: its mayor's accounts (those linked to the
/// city's government) cast as delegate; the alternate named on the city's meeting credential, if any, casts
/// as alternate, identified by the email address on the credential.
/// </summary>
public sealed class Elector
{
    public int VoteId { get; set; }

    public int MembershipId { get; set; }

    public int GovernmentId { get; set; }

    /// <summary>"Phoenix, AZ".</summary>
    public required string City { get; set; }

    public required string DelegateName { get; set; }

    public string? AlternateName { get; set; }

    /// <summary>The alternate's email, upper-cased as Identity normalises it, to match the signed-in account.</summary>
    public string? AlternateEmailKey { get; set; }
}

/// <summary>A city's ballot: final once cast. Records the city, who cast it, in what capacity, and when.</summary>
public sealed class Ballot
{
    public long Id { get; set; }

    public int VoteId { get; set; }

    public int MembershipId { get; set; }

    public BallotChoice Choice { get; set; }

    public required string CastByUserId { get; set; }

    public required string CastByName { get; set; }

    public CastAs CastAs { get; set; }

    public DateTime CastAtUtc { get; set; }
}

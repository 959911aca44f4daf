namespace MayorsNetwork.Domain.Voting;

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

    /// <summary>
    /// Who may cast this city's ballot, and as what: the account of its mayor (one acting for the city's government)
    /// as delegate, else the account whose confirmed email is the credential's alternate's, as alternate; anyone else, no one.
    /// </summary>
    public CastAs? CapacityOf(Voter voter)
    {
        if (voter.GovernmentId == GovernmentId) return CastAs.Delegate;
        if (voter.ConfirmedEmailKey is not null && AlternateEmailKey == voter.ConfirmedEmailKey) return CastAs.Alternate;
        return null;
    }
}

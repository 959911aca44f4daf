namespace MayorsNetwork.Domain.Members;

/// <summary>
/// A re-application for a government whose membership was Rejected, Withdrawn or Lapsed: the details the applicant
/// proposes, kept beside the current ones until staff decide. Nothing current changes before that: not the
/// government's contacts, not the membership's status (so paying an invoice from before still brings the city back
/// as the lifecycle says), not who the membership's applicant is. Approving copies every detail over.
/// </summary>
public sealed class MembershipProposal : IGovernmentDetails
{
    public int Id { get; set; }

    public int MembershipId { get; set; }

    public ProposalStatus Status { get; private set; } = ProposalStatus.Pending;

    /// <summary>The account that re-applied; it is linked to the city only when staff approve.</summary>
    public required string ApplicantUserId { get; set; }

    public required string ApplicantName { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? DecisionReason { get; private set; }

    public required string Name { get; set; }

    public GovernmentKind Kind { get; set; }

    public int Population { get; set; }

    public int CensusYear { get; set; }

    public string MayorTitle { get; set; } = "Mayor";

    public Contact Mayor { get; set; } = new();

    public DateOnly? MayorTermEnds { get; set; }

    public Contact Liaison { get; set; } = new();

    public Contact Billing { get; set; } = new();

    public string BillingAddress { get; set; } = "";

    /// <summary>The details typed on the form for an existing government, kept aside.</summary>
    public static MembershipProposal For(Membership membership, IGovernmentDetails proposed, string applicantUserId, string applicantName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var proposal = new MembershipProposal
        {
            MembershipId = membership.Id,
            ApplicantUserId = applicantUserId,
            ApplicantName = applicantName,
            SubmittedAtUtc = nowUtc,
            Name = proposed.Name,
        };
        proposed.CopyTo(proposal);
        return proposal;
    }

    /// <summary>Staff approved: every proposed detail replaces the current one (the billing address too).</summary>
    public void Approve(Government government, string byName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(government);
        EnsurePending();
        government.UpdateFrom(this);
        Decide(ProposalStatus.Approved, byName, "Approved", nowUtc);
    }

    public void Reject(string byName, string reason, DateTime nowUtc)
    {
        EnsurePending();
        Decide(ProposalStatus.Rejected, byName, reason, nowUtc);
    }

    private void Decide(ProposalStatus status, string byName, string reason, DateTime nowUtc)
    {
        Status = status;
        DecidedByName = byName;
        DecisionReason = reason;
        DecidedAtUtc = nowUtc;
    }

    private void EnsurePending()
    {
        if (Status != ProposalStatus.Pending) throw new InvalidOperationException($"This re-application was already {Status}.");
    }
}

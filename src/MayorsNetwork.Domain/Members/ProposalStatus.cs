namespace MayorsNetwork.Domain.Members;

/// <summary>Where a re-application stands: waiting for staff, or decided.</summary>
public enum ProposalStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

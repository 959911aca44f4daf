namespace MayorsNetwork.Domain.Members;

/// <summary>The membership lifecycle: Applied → Approved | Rejected → Invoiced → Active → Grace → Lapsed, plus Withdrawn.</summary>
public enum MembershipStatus
{
    Applied = 1,
    Approved = 2,
    Rejected = 3,
    Invoiced = 4,
    Active = 5,
    Grace = 6,
    Lapsed = 7,
    Withdrawn = 8,
}

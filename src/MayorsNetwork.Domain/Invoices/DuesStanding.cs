using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// What an unpaid invoice does to a membership as days pass: after the due date the member is in Grace;
/// after the grace period, Lapsed (and loses its vote). Paying in full makes it Active again.
/// </summary>
public static class DuesStanding
{
    /// <summary>The status the membership should move to today, or null to leave it as it is.</summary>
    public static MembershipStatus? NextStatus(MembershipStatus current, DateOnly dueOn, DateOnly today, int graceDays)
    {
        if (today <= dueOn) return null;
        if (today > dueOn.AddDays(graceDays))
            return current is MembershipStatus.Invoiced or MembershipStatus.Active or MembershipStatus.Grace ? MembershipStatus.Lapsed : null;
        return current is MembershipStatus.Invoiced or MembershipStatus.Active ? MembershipStatus.Grace : null;
    }

    /// <summary>The status a full payment brings, or null when the membership stays as it is.</summary>
    public static MembershipStatus? StatusOnPayment(MembershipStatus current) =>
        current is MembershipStatus.Invoiced or MembershipStatus.Grace or MembershipStatus.Lapsed
            ? MembershipStatus.Active
            : null;
}

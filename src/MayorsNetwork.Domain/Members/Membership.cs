namespace MayorsNetwork.Domain.Members;

/// <summary>
/// A government's membership, one per government (a unique index). It starts as an application and
/// moves through the lifecycle; every move is kept in <see cref="History"/>.
/// </summary>
public sealed class Membership
{
    public int Id { get; set; }

    public int GovernmentId { get; set; }

    public Government Government { get; set; } = null!;

    public MembershipStatus Status { get; private set; } = MembershipStatus.Applied;

    /// <summary>The account that applied; linked to the city when the application is approved.</summary>
    public string? ApplicantUserId { get; set; }

    public DateTime AppliedAtUtc { get; set; }

    public DateTime? MemberSinceUtc { get; set; }

    /// <summary>Changed on every update; a stale copy cannot overwrite a newer one (optimistic concurrency).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<MembershipStatusChange> History { get; set; } = [];

    public static Membership Apply(Government government, string applicantUserId, string applicantName, DateTime nowUtc)
    {
        var membership = new Membership
        {
            Government = government,
            ApplicantUserId = applicantUserId,
            AppliedAtUtc = nowUtc,
        };
        membership.History.Add(new MembershipStatusChange
        {
            From = null,
            To = MembershipStatus.Applied,
            AtUtc = nowUtc,
            ByUserId = applicantUserId,
            ByName = applicantName,
            Reason = "Application submitted",
        });
        return membership;
    }

    /// <summary>Moves to a new status, recording who, when and why. Throws if the lifecycle does not allow it.</summary>
    public MembershipStatusChange MoveTo(MembershipStatus to, string? byUserId, string byName, string reason, DateTime nowUtc)
    {
        if (!MembershipStatusRules.CanMove(Status, to))
            throw new InvalidMembershipTransitionException(Status, to);
        var change = new MembershipStatusChange
        {
            MembershipId = Id,
            From = Status,
            To = to,
            AtUtc = nowUtc,
            ByUserId = byUserId,
            ByName = byName,
            Reason = reason,
        };
        History.Add(change);
        Status = to;
        Version = Guid.NewGuid();
        if (to == MembershipStatus.Approved) MemberSinceUtc ??= nowUtc;
        return change;
    }
}

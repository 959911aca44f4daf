namespace MayorsNetwork.Domain.Members;

/// <summary>One move in a membership's lifecycle: who, when and why.</summary>
public sealed class MembershipStatusChange
{
    public long Id { get; set; }

    public int MembershipId { get; set; }

    public MembershipStatus? From { get; set; }

    public MembershipStatus To { get; set; }

    public DateTime AtUtc { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public required string Reason { get; set; }
}

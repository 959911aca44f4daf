using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// A member city's credential for one meeting: its delegate (the mayor) and at most one alternate. Only one
/// per city per meeting (a unique index). Check-in records when and by whom the city arrived.
/// </summary>
public sealed class Credential
{
    public const int NameMaxLength = 120;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public Meeting Meeting { get; set; } = null!;

    public int MembershipId { get; set; }

    public Membership Membership { get; set; } = null!;

    public required string DelegateName { get; set; }

    public string? AlternateName { get; set; }

    public string? AlternateEmail { get; set; }

    public string CredentialedBy { get; set; } = "";

    public DateTime CredentialedAtUtc { get; set; }

    public DateTime? CheckedInAtUtc { get; set; }

    public string? CheckedInBy { get; set; }

    public bool IsCheckedIn => CheckedInAtUtc is not null;

    /// <summary>Only cities whose membership is Active are credentialed; anything else is refused with the reason.</summary>
    public static string? Refusal(MembershipStatus status) => status == MembershipStatus.Active
        ? null
        : $"Only Active member cities can be credentialed; this city's membership is {status}.";

    /// <summary>Records the city's arrival; a second check-in keeps the first.</summary>
    public bool CheckIn(string by, DateTime nowUtc)
    {
        if (IsCheckedIn) return false;
        CheckedInAtUtc = nowUtc;
        CheckedInBy = by;
        return true;
    }
}

namespace MayorsNetwork.Domain.Resolutions;

/// <summary>
/// Another member city's mayor named as a cosponsor. They appear as a cosponsor only once they confirm;
/// until then the sponsor sees them as invited. One row per city per resolution (a unique index).
/// </summary>
public sealed class Cosponsor
{
    public int Id { get; set; }

    public int ResolutionId { get; set; }

    public Resolution Resolution { get; set; } = null!;

    public int MembershipId { get; set; }

    /// <summary>"Mayor Robin Mayor, Phoenix, AZ", as the city's record named the mayor when invited.</summary>
    public required string MayorName { get; set; }

    public required string City { get; set; }

    public DateTime InvitedAtUtc { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }

    public string? ConfirmedByUserId { get; set; }

    public bool IsConfirmed => ConfirmedAtUtc is not null;

    /// <summary>Confirms once; a second confirmation keeps the first.</summary>
    public bool Confirm(string userId, DateTime nowUtc)
    {
        if (IsConfirmed) return false;
        ConfirmedAtUtc = nowUtc;
        ConfirmedByUserId = userId;
        return true;
    }
}

namespace MayorsNetwork.Web.Services;

/// <summary>One seat as rosters, lists and exports show it.</summary>
public sealed record SeatRow(
    int Id, int BodyId, string BodyName, string BodySlug, BodyKind BodyKind, SeatRole Role, string Mayor, string City, string State,
    int MembershipId, DateOnly StartsOn, DateOnly? EndsOn, DateTime? EndedAtUtc, string AppointedBy, DateTime AppointedAtUtc, string? EndedBy, Guid Version)
{
    public bool IsOpen => EndedAtUtc is null;

    public bool IsCurrent(DateOnly today) => IsOpen && SeatRules.TermCovers(StartsOn, EndsOn, today);

    public bool IsUpcoming(DateOnly today) => IsOpen && StartsOn > today;

    /// <summary>Ended by staff, or its term has run out.</summary>
    public bool IsPast(DateOnly today) => !IsOpen || EndsOn < today;

    public string Status(DateOnly today) => IsCurrent(today) ? "Current" : IsUpcoming(today) ? "Upcoming" : "Ended";
}

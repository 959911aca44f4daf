using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Committees;

/// <summary>
/// A mayor's seat on a body, for their member city, with a role and a term. A seat is open until staff
/// end it (<see cref="EndedAtUtc"/> set); ended seats stay as the body's history. The database allows at
/// most one open chair and one open vice chair per body, and one open seat per city per body.
/// </summary>
public sealed class Seat
{
    public const int MayorNameMaxLength = 160;

    public int Id { get; set; }

    public int BodyId { get; set; }

    public Body Body { get; set; } = null!;

    /// <summary>The member city the mayor represents.</summary>
    public int MembershipId { get; set; }

    public Membership Membership { get; set; } = null!;

    /// <summary>The mayor as the city's record named them at appointment ("Mayor Robin Mayor").</summary>
    public required string MayorName { get; set; }

    /// <summary>The name folded for search (case and accents ignored), as <see cref="Government.KeyFor"/> folds city names.</summary>
    public string MayorNameKey { get; set; } = "";

    public SeatRole Role { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day of the term, if the term has a set end.</summary>
    public DateOnly? EndsOn { get; set; }

    public required string AppointedBy { get; set; }

    public DateTime AppointedAtUtc { get; set; }

    public string? EndedBy { get; set; }

    /// <summary>Set when staff end the seat (or when its term had run out and a new appointment closed it).</summary>
    public DateTime? EndedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<SeatChange> Changes { get; set; } = [];

    public bool IsOpen => EndedAtUtc is null;

    /// <summary>On the roster today: not ended, its term started and not yet over.</summary>
    public bool IsCurrent(DateOnly today) => IsOpen && SeatRules.TermCovers(StartsOn, EndsOn, today);

    /// <summary>Open, but its set end date has passed: it no longer counts and is closed at the next appointment.</summary>
    public bool HasRunOut(DateOnly today) => IsOpen && EndsOn is { } end && end < today;

    public static Seat Appoint(int bodyId, int membershipId, string mayorName, SeatRole role, DateOnly startsOn, DateOnly? endsOn, string by, DateTime nowUtc)
    {
        var seat = new Seat
        {
            BodyId = bodyId,
            MembershipId = membershipId,
            MayorName = mayorName,
            MayorNameKey = Government.KeyFor(mayorName),
            Role = role,
            StartsOn = startsOn,
            EndsOn = endsOn,
            AppointedBy = by,
            AppointedAtUtc = nowUtc,
        };
        seat.Changes.Add(new SeatChange { Kind = SeatChangeKind.Appointed, AtUtc = nowUtc, By = by, Detail = Term(role, startsOn, endsOn) });
        return seat;
    }

    public void ChangeRole(SeatRole role, string by, DateTime nowUtc)
    {
        if (!IsOpen) throw new InvalidOperationException("An ended seat keeps its role.");
        Changes.Add(new SeatChange { SeatId = Id, Kind = SeatChangeKind.RoleChanged, AtUtc = nowUtc, By = by, Detail = $"{Role.Display()} → {role.Display()}" });
        Role = role;
        Version = Guid.NewGuid();
    }

    /// <summary>Ends the seat: its term ends on <paramref name="endsOn"/> (the last day served).</summary>
    public void End(DateOnly endsOn, string by, DateTime nowUtc, string? why = null)
    {
        if (!IsOpen) throw new InvalidOperationException("The seat has already ended.");
        EndsOn = endsOn;
        EndedAtUtc = nowUtc;
        EndedBy = by;
        Version = Guid.NewGuid();
        Changes.Add(new SeatChange { SeatId = Id, Kind = SeatChangeKind.Ended, AtUtc = nowUtc, By = by, Detail = why ?? string.Create(CultureInfo.InvariantCulture, $"Term ended on {endsOn:yyyy-MM-dd}") });
    }

    private static string Term(SeatRole role, DateOnly startsOn, DateOnly? endsOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{role.Display()} from {startsOn:yyyy-MM-dd}") +
        (endsOn is { } e ? string.Create(CultureInfo.InvariantCulture, $" to {e:yyyy-MM-dd}") : "");
}

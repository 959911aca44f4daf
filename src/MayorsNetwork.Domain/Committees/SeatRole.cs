namespace MayorsNetwork.Domain.Committees;

/// <summary>A seat's role on a body. Rosters list them in this order (see <see cref="SeatRoles.RosterOrder"/>).</summary>
public enum SeatRole
{
    Chair = 1,
    ViceChair = 2,
    Member = 3,
    ExOfficio = 4,
}

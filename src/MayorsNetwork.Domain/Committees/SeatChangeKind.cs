namespace MayorsNetwork.Domain.Committees;

public enum SeatChangeKind
{
    Appointed = 1,
    RoleChanged = 2,
    Ended = 3,
}

namespace MayorsNetwork.Domain.Meetings;

public enum ProxyStatus
{
    /// <summary>Designated by the city's mayor; waiting for the holder to accept.</summary>
    Offered = 1,

    /// <summary>Accepted by the holder: counts while the holder is checked in.</summary>
    Accepted = 2,

    /// <summary>Turned down by the holder.</summary>
    Declined = 3,

    /// <summary>Withdrawn by the city's mayor before the first vote opened.</summary>
    Revoked = 4,

    /// <summary>Refused by staff, with a reason.</summary>
    Refused = 5,
}

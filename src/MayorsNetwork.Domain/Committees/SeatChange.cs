namespace MayorsNetwork.Domain.Committees;

/// <summary>One change to a seat, with who made it and when.</summary>
public sealed class SeatChange
{
    public int Id { get; set; }

    public int SeatId { get; set; }

    public SeatChangeKind Kind { get; set; }

    public DateTime AtUtc { get; set; }

    public required string By { get; set; }

    public string Detail { get; set; } = "";
}

namespace MayorsNetwork.Domain.Invoices;

/// <summary>One change to a council hold: what, on which day, the dates before and after, who and why.</summary>
public sealed class CouncilHoldChange
{
    private CouncilHoldChange()
    {
    }

    public long Id { get; set; }

    public int CouncilHoldId { get; private set; }

    public CouncilHoldChangeKind Kind { get; private set; }

    /// <summary>The day the change was made (the association's calendar day).</summary>
    public DateOnly On { get; private set; }

    /// <summary>The expected date before the change (null when first recorded).</summary>
    public DateOnly? PreviousDate { get; private set; }

    /// <summary>The expected date after the change (null when lifted).</summary>
    public DateOnly? ExpectedBy { get; private set; }

    public string? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public string Note { get; private set; } = "";

    internal static CouncilHoldChange Make(int holdId, CouncilHoldChangeKind kind, DateOnly on, DateOnly? previous, DateOnly? expectedBy,
        string? byUserId, string byName, string? note, DateTime nowUtc) => new()
    {
        CouncilHoldId = holdId,
        Kind = kind,
        On = on,
        PreviousDate = previous,
        ExpectedBy = expectedBy,
        ByUserId = byUserId,
        ByName = byName,
        AtUtc = nowUtc,
        Note = note?.Trim() ?? "",
    };
}

namespace MayorsNetwork.Domain.Invoices;

public enum CouncilHoldChangeKind
{
    /// <summary>The city or staff recorded that payment awaits council approval, expected by a date.</summary>
    Recorded = 1,

    /// <summary>The expected date was moved (or set again after it had passed).</summary>
    Moved = 2,

    /// <summary>The hold was ended before its date (entered by mistake, or the council has decided).</summary>
    Lifted = 3,
}

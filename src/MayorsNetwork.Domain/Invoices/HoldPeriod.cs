namespace MayorsNetwork.Domain.Invoices;

/// <summary>Days on which a council hold stopped an invoice's clock, <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public readonly record struct HoldPeriod(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;
}

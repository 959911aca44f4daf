namespace MayorsNetwork.Domain.Dues;

/// <summary>One bracket's row of the population-figures preview: members and dues in it this year and next, and the moves.</summary>
public sealed record BracketTotals(
    string Bracket,
    int MembersThisYear,
    int MembersNextYear,
    decimal DuesThisYear,
    decimal DuesNextYear,
    int MovingIn,
    int MovingOut)
{
    public decimal Difference => DuesNextYear - DuesThisYear;
}

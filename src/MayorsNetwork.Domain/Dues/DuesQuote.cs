namespace MayorsNetwork.Domain.Dues;

/// <summary>What a government owes for a fiscal year, with how it was worked out.</summary>
/// <param name="FullAmount">Dues before any discount, in whole cents.</param>
/// <param name="Discount">The new-member discount, in whole cents (zero when none applies).</param>
/// <param name="Bracket">The bracket the population falls into, in words.</param>
/// <param name="Formula">The arithmetic that produced <paramref name="FullAmount"/>, in words.</param>
public sealed record DuesQuote(int FiscalYear, int Population, decimal FullAmount, decimal Discount, string Bracket, string Formula)
{
    public decimal Amount => FullAmount - Discount;
}

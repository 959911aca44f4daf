namespace MayorsNetwork.Domain;

/// <summary>Money is decimal US dollars, rounded to whole cents half away from zero.</summary>
public static class Money
{
    public static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static string Format(decimal amount) =>
        amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}

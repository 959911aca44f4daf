using System.Text.RegularExpressions;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>
/// Reads a dollar amount as staff type it: "1312.50", "1,312.50" or "$1,312.50". Commas must group
/// thousands, so "1,00" is refused rather than read as one hundred. The sign and the decimals are kept
/// as typed, so that the domain can say what is wrong with -5 or 12.345.
/// </summary>
public static partial class AmountInput
{
    public const string Example = "Enter the amount in dollars and cents, like 1,312.50.";

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var match = Pattern().Match(text ?? "");
        if (!match.Success) return false;
        var digits = match.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal) +
                     (match.Groups["frac"].Success ? "." + match.Groups["frac"].Value : "");
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        amount = match.Groups["sign"].Success ? -value : value;
        return true;
    }

    // At most twelve digits of dollars: far above any dues, far below decimal's range.
    [GeneratedRegex(@"^\s*(?<sign>-)?\s*\$?\s*(?<int>\d{1,3}(?:,\d{3}){1,3}|\d{1,12})(?:\.(?<frac>\d{1,10}))?\s*$")]
    private static partial Regex Pattern();
}

using System.Text;
using System.Text.RegularExpressions;

namespace MayorsNetwork.Domain.Documents;

/// <summary>
/// The council packet's cover letter (issue 14 item 6): text the association configures, with placeholders in braces
/// (<c>{City}</c>, <c>{Mayor}</c>, …) filled from the invoice. Unknown placeholders are a configuration error, found when
/// the portal starts (<see cref="UnknownPlaceholders"/>), never a letter that says "{Cty}" to a council.
/// </summary>
public static partial class CoverLetter
{
    public static readonly IReadOnlyList<string> Placeholders =
        ["Association", "City", "State", "Mayor", "Amount", "Period", "FiscalYear", "InvoiceNumber", "DueDate", "Date", "BillingEmail", "TaxFormNote"];

    /// <summary>The placeholders in <paramref name="template"/> that are not in <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        Braced().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p, StringComparer.Ordinal)).Distinct().ToList();

    /// <summary>Fills every known placeholder; <paramref name="values"/> must hold each of <see cref="Placeholders"/>.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var filled = new StringBuilder(template.Length + 200);
        var at = 0;
        foreach (Match m in Braced().Matches(template))
        {
            filled.Append(template, at, m.Index - at);
            filled.Append(values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
            at = m.Index + m.Length;
        }

        filled.Append(template, at, template.Length - at);
        return filled.ToString();
    }

    // A name may hold digits and underscores after its first letter, so that a typo such as {W9Note} is reported, not left in.
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Braced();
}

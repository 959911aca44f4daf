using System.Text;

namespace MayorsNetwork.Domain.Invoices;

/// <summary>
/// The rule for a purchase-order number and a vendor (supplier) number, on an invoice or as the city's standing
/// vendor number: optional, at most <see cref="MaxLength"/> characters, printable characters only. Letters of any
/// script, digits, punctuation and symbols are printable; control characters (tabs, new lines), invisible format
/// characters (zero-width and direction marks, which could make two numbers look alike), the replacement character
/// (text broken on its way) and unpaired surrogates are not. Outer spaces are trimmed, any kind of space becomes a
/// plain one and runs of spaces become one; an empty value means "none". The length is counted in UTF-16 units (as
/// the database column counts at most), after normalising to NFC.
/// </summary>
public static class BillingReference
{
    public const int MaxLength = 40;

    public const string TooLong = "billing-reference.too-long";
    public const string NotPrintable = "billing-reference.not-printable";
    public const string InvoiceClosed = "billing-reference.invoice-closed";

    public static RuleResult<string?> ParsePurchaseOrder(string? input, string property = "PurchaseOrderNumber") =>
        Parse(input, "The purchase-order number", property);

    public static RuleResult<string?> ParseVendorNumber(string? input, string property = "VendorNumber") =>
        Parse(input, "The vendor number", property);

    /// <summary>Checks and tidies one value; <paramref name="label"/> starts the message ("The PO number").</summary>
    public static RuleResult<string?> Parse(string? input, string label, string property)
    {
        if (string.IsNullOrWhiteSpace(input)) return RuleResult.Ok<string?>(null);
        var text = Normalised(input);
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (!Printable(category)) return Refused(label, property, text, i);
                kept.Append(c).Append(text[++i]);
                continue;
            }

            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.SpaceSeparator)
            {
                if (kept.Length > 0 && kept[^1] != ' ') kept.Append(' ');
                continue;
            }

            if (!Printable(cat) || c == '\uFFFD') return Refused(label, property, text, i);
            kept.Append(c);
        }

        var value = kept.ToString().TrimEnd();
        if (value.Length == 0) return RuleResult.Ok<string?>(null);
        if (value.Length > MaxLength)
            return RuleResult.Fail<string?>(TooLong, $"{label} can be at most {MaxLength} characters; this one has {value.Length}.", property);
        return RuleResult.Ok<string?>(value);
    }

    /// <summary>Why the invoice's PO and vendor numbers can no longer be changed (paid or void), or null when they can.</summary>
    public static RuleError? CannotChangeOn(Invoice invoice) => invoice.Status switch
    {
        InvoiceStatus.Paid => new RuleError(InvoiceClosed, $"Invoice {invoice.Number} is paid; its PO and vendor numbers can no longer be changed."),
        InvoiceStatus.Void => new RuleError(InvoiceClosed, $"Invoice {invoice.Number} is void; its PO and vendor numbers can no longer be changed."),
        _ => null,
    };

    private static string Normalised(string input)
    {
        try
        {
            return input.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (an unpaired surrogate) cannot be normalised: keep it, and the scan below refuses it.
            return input;
        }
    }

    private static bool Printable(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    private static RuleResult<string?> Refused(string label, string property, string text, int index) =>
        RuleResult.Fail<string?>(NotPrintable,
            $"{label} can hold only printable characters (letters, digits, punctuation and spaces); character {index + 1} is not one.", property);
}

namespace MayorsNetwork.Infrastructure.Pdf;

/// <summary>
/// What DejaVu Sans, the invoices' font, can draw: Latin with every accent (Española, Cañon City,
/// Kāneʻohe), Greek, Cyrillic and common punctuation. Names outside it (say, in Chinese characters)
/// would print as empty boxes on an invoice, so the forms refuse them with a message.
/// </summary>
public static class PrintableText
{
    private static readonly (int From, int To)[] Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B
        (0x0250, 0x02FF), // IPA and spacing modifier letters (the ʻokina is U+02BB)
        (0x0300, 0x036F), // combining accents
        (0x0370, 0x03FF), // Greek
        (0x0400, 0x04FF), // Cyrillic
        (0x1E00, 0x1EFF), // Latin Extended Additional (Vietnamese and more)
        (0x2010, 0x2027), // dashes, quotation marks, bullet, ellipsis
        (0x2030, 0x205E), // per mille, primes and other punctuation
    ];

    public static bool CanPrint(string? text) =>
        text is null || text.All(c => c is '\n' or '\r' or '\t' || Ranges.Any(r => c >= r.From && c <= r.To));
}

using System.Text;

namespace MayorsNetwork.Domain.Documents;

/// <summary>
/// What an uploaded association document must be, judged by its content and never by its name: not empty, at most
/// <see cref="MaxBytes"/>, and starting with the PDF signature <c>%PDF-</c>. (Infrastructure then checks that the PDF
/// library can open it, which a file that only starts like a PDF fails.) Errors carry the property "File".
/// </summary>
public static class PdfUpload
{
    /// <summary>5 MB: a scanned, signed W-9 is well under 1 MB.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string Property = "File";

    public const string Missing = "document.missing";
    public const string Empty = "document.empty";
    public const string TooLarge = "document.too-large";
    public const string NotPdf = "document.not-pdf";
    public const string Unreadable = "document.unreadable";

    public static ReadOnlySpan<byte> Signature => "%PDF-"u8;

    public static string TooLargeMessage => $"The file is larger than {MaxBytes / (1024 * 1024)} MB, so it was not uploaded. Save a smaller PDF (scan at a lower resolution, or print to PDF) and upload it again.";

    public static string UnreadableMessage => "The file starts like a PDF but could not be read as one (it may be damaged or password-protected), so it was not uploaded. Save it again as a PDF and upload that.";

    /// <summary>Checks the size the browser declared and the first bytes of the file.</summary>
    public static RuleResult Check(long length, ReadOnlySpan<byte> head)
    {
        if (length == 0) return RuleResult.Fail(Empty, "The file is empty (0 bytes), so it was not uploaded. Choose the PDF again.", Property);
        if (length > MaxBytes) return RuleResult.Fail(TooLarge, TooLargeMessage, Property);
        if (!head.StartsWith(Signature))
            return RuleResult.Fail(NotPdf, "The file is not a PDF (whatever its name says), so it was not uploaded. Upload the document as a PDF file.", Property);
        return RuleResult.Ok();
    }

    /// <summary>
    /// The name the file is stored and downloaded under: the browser's name without any folder, with only letters,
    /// digits, dots, dashes and underscores, ending in ".pdf"; a name with nothing left becomes "w-9.pdf" or "ach-form.pdf".
    /// </summary>
    public static string FileName(string? uploaded, DocumentKind kind)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') kept.Append(c);
            else if (c == ' ' && kept.Length > 0 && kept[^1] != '-') kept.Append('-');
        }

        var stem = kept.ToString();
        if (stem.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) stem = stem[..^4];
        stem = stem.Trim('.', '-', '_');
        if (stem.Length == 0) stem = DocumentKinds.Slug(kind);
        if (stem.Length > 100) stem = stem[..100];
        return stem + ".pdf";
    }
}

using CsvHelper;

namespace MayorsNetwork.Web.Exports;

/// <summary>
/// How the portal writes a CSV file: RFC 4180, UTF-8 with a byte order mark so that spreadsheets read accents, and a
/// value starting with = + - @ escaped, since names come from applicants and a spreadsheet would run it as a formula.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Write(string[] header, IEnumerable<string[]> records)
    {
        using var stream = new MemoryStream();
        stream.Write(System.Text.Encoding.UTF8.Preamble);
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var record in records) csv.WriteRecord(record);
        }

        return stream.ToArray();
    }

    /// <summary>A date as ISO 8601 (2026-03-10), which every spreadsheet reads whatever its locale.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

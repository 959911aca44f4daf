using System.Globalization;
using CsvHelper;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Services;

/// <summary>A roll call as CSV, written as the roster CSVs are (UTF-8 with a byte order mark, formula-looking values escaped).</summary>
public static class RollCallCsv
{
    public static readonly string[] Columns = ["City", "Choice", "Cast by", "Cast as", "Cast at (UTC)"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<RollCallRow> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(System.Text.Encoding.UTF8.Preamble);
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var r in rows)
            {
                csv.WriteRecord(new[] { r.City, r.Choice, r.CastBy, r.CastAs,
                    r.CastAtUtc is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "" });
            }
        }

        return stream.ToArray();
    }
}

using System.Globalization;
using CsvHelper;
using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Web.Services;

/// <summary>Rosters and seat lists as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read accents).</summary>
public static class SeatCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] RosterColumns = ["Body", "Role", "Mayor", "City", "State", "Since", "Term ends"];

    public static readonly string[] SeatColumns = ["Body", "Kind", "Role", "Mayor", "City", "State", "Starts", "Ends", "Status", "Appointed by", "Appointed at (UTC)", "Ended by"];

    /// <summary>Names come from applicants: a value starting with = + - @ is escaped so spreadsheets show it rather than run it.</summary>
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Roster(IEnumerable<SeatRow> rows) => Write(RosterColumns, rows.Select(s => new[]
    {
        s.BodyName, s.Role.Display(), s.Mayor, s.City, s.State, Iso(s.StartsOn), s.EndsOn is { } e ? Iso(e) : "",
    }));

    public static byte[] Seats(IEnumerable<SeatRow> rows, DateOnly today) => Write(SeatColumns, rows.Select(s => new[]
    {
        s.BodyName, s.BodyKind.Display(), s.Role.Display(), s.Mayor, s.City, s.State, Iso(s.StartsOn), s.EndsOn is { } e ? Iso(e) : "",
        s.Status(today), s.AppointedBy, s.AppointedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.EndedBy ?? "",
    }));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Write(string[] header, IEnumerable<string[]> records)
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
}

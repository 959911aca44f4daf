namespace MayorsNetwork.Web.Exports;

/// <summary>Rosters and seat lists as CSV files (see <see cref="CsvFile"/>).</summary>
public static class SeatCsv
{
    public static readonly string[] RosterColumns = ["Body", "Role", "Mayor", "City", "State", "Since", "Term ends"];

    public static readonly string[] SeatColumns = ["Body", "Kind", "Role", "Mayor", "City", "State", "Starts", "Ends", "Status", "Appointed by", "Appointed at (UTC)", "Ended by"];

    public static byte[] Roster(IEnumerable<SeatRow> rows) => CsvFile.Write(RosterColumns, rows.Select(s => new[]
    {
        s.BodyName, s.Role.Display(), s.Mayor, s.City, s.State, CsvFile.Date(s.StartsOn), s.EndsOn is { } e ? CsvFile.Date(e) : "",
    }));

    public static byte[] Seats(IEnumerable<SeatRow> rows, DateOnly today) => CsvFile.Write(SeatColumns, rows.Select(s => new[]
    {
        s.BodyName, s.BodyKind.Display(), s.Role.Display(), s.Mayor, s.City, s.State, CsvFile.Date(s.StartsOn), s.EndsOn is { } e ? CsvFile.Date(e) : "",
        s.Status(today), s.AppointedBy, s.AppointedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.EndedBy ?? "",
    }));
}

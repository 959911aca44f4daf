using MayorsNetwork.Web.Pages.Staff.Audit;

namespace MayorsNetwork.Web.Exports;

/// <summary>The audit trail as a CSV file (see <see cref="CsvFile"/>, which escapes values a spreadsheet would run as formulas).</summary>
public static class AuditCsv
{
    public static readonly string[] Columns = ["When (UTC)", "Person", "Email", "Address", "Kind", "Entity", "Key", "City", "Changes"];

    public static byte[] Write(IEnumerable<IndexModel.Row> rows) => CsvFile.Write(Columns, rows.Select(r => new[]
    {
        r.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorName, r.ActorEmail, r.RemoteAddress ?? "",
        r.Kind, r.EntityType, r.EntityKey, r.City ?? "", r.Changes,
    }));
}

using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Exports;

/// <summary>A roll call as a CSV file (see <see cref="CsvFile"/>).</summary>
public static class RollCallCsv
{
    public static readonly string[] Columns = ["City", "Choice", "Cast by", "Cast as", "Cast at (UTC)"];

    public static byte[] Write(IEnumerable<RollCallRow> rows) => CsvFile.Write(Columns, rows.Select(r => new[]
    {
        r.City, r.Choice, r.CastBy, r.CastAs, r.CastAtUtc is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "",
    }));
}

using CsvHelper;

namespace MayorsNetwork.Web.Tests.Pages.Committees;

/// <summary>Reads a downloaded CSV back with CsvHelper: the header and the records as strings.</summary>
public static class CsvFiles
{
    public static (string[] Header, List<string[]> Records) Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, null);
        var header = reader.Headers.ToArray();
        var records = new List<string[]>();
        while (reader.Read())
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).ToArray());
        return (header, records);
    }
}

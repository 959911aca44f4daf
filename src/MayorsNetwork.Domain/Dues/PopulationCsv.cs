using System.Text;

namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// Reads the CSV of next year's population figures staff upload (issue 14): comma-separated (RFC 4180 quoting), the
/// column names <c>name,state,population,census year</c> in row 1 (any case, "census_year" too), a UTF-8 byte-order
/// mark ignored. A population may be written with thousands separators when quoted (<c>"1,234,567"</c>); unquoted,
/// its commas make extra columns and the row is refused with a message saying so. Every bad row is reported with its
/// row and column; a city named twice is reported on its second row.
/// </summary>
public static class PopulationCsv
{
    public const int MaxRows = 100_000;
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int EarliestCensusYear = 1990;
    public const string Header = "name,state,population,census year";

    private static readonly string[] Columns = ["name", "state", "population", "census year"];

    /// <param name="latestCensusYear">The latest census year allowed (the current calendar year).</param>
    public static PopulationCsvResult Parse(string text, int latestCensusYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<PopulationCsvError>();
        var rows = new List<PopulationCsvRow>();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0', StringComparison.Ordinal))
            return Fail("The file is not a text (CSV) file.");

        var records = Records(text).ToList();
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
            return Fail($"The file is empty. Its first row must be the column names: {Header}.");

        var header = records[0].Fields.Select(f => string.Join(' ', f.Trim().ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        if (header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal))
            return Fail("The file is separated by semicolons. Save it as comma-separated values (CSV) and upload it again.");
        if (!header.SequenceEqual(Columns))
            return Fail($"The first row must be the column names {Header}; this file's first row is: {string.Join(",", records[0].Fields)}.");

        var data = records.Skip(1).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (data.Count == 0) return Fail("The file has no rows after the column names.");
        if (data.Count > MaxRows)
            return Fail(Inv($"The file has {data.Count:N0} rows; at most {MaxRows:N0} can be uploaded at once. Split it into smaller files."));

        var seen = new Dictionary<(string, string), int>();
        foreach (var (row, fields) in data)
        {
            if (fields.Count != Columns.Length)
            {
                var hint = fields.Count > Columns.Length ? " A population written with commas, such as 1,234,567, must be in double quotes." : "";
                errors.Add(new(row, null, Inv($"it has {fields.Count} values; expected {Columns.Length} (name, state, population, census year).{hint}")));
                continue;
            }

            var before = errors.Count;
            var name = fields[0].Trim();
            if (name.Length == 0) errors.Add(new(row, "name", "the name is empty."));
            else if (name.Length > 120) errors.Add(new(row, "name", "the name is longer than 120 characters."));

            var state = fields[1].Trim().ToUpperInvariant();
            if (state.Length != 2 || !state.All(char.IsAsciiLetterUpper))
                errors.Add(new(row, "state", $"\"{Shorten(fields[1])}\" is not a two-letter state code such as CO."));

            var population = ParsePopulation(fields[2]);
            if (population is null)
                errors.Add(new(row, "population", $"\"{Shorten(fields[2])}\" is not a whole number of people (write 1234567 or \"1,234,567\")."));
            else if (population is < 1 or > DuesSchedule.MaxPopulation)
                errors.Add(new(row, "population", Inv($"{population:N0} is outside 1 to {DuesSchedule.MaxPopulation:N0}.")));

            var census = fields[3].Trim();
            int year = 0;
            if (census.Length != 4 || !census.All(char.IsAsciiDigit))
                errors.Add(new(row, "census year", $"\"{Shorten(fields[3])}\" is not a year such as 2020."));
            else if ((year = int.Parse(census, CultureInfo.InvariantCulture)) < EarliestCensusYear || year > latestCensusYear)
                errors.Add(new(row, "census year", Inv($"{year} is not between {EarliestCensusYear} and {latestCensusYear}.")));

            if (errors.Count > before) continue;
            var line = new PopulationCsvRow(row, name, state, population!.Value, year);
            if (seen.TryGetValue(line.Key, out var first))
            {
                errors.Add(new(row, "name", Inv($"{name}, {state} is already on row {first}; each city can appear once.")));
                continue;
            }

            seen[line.Key] = row;
            rows.Add(line);
        }

        return new PopulationCsvResult(rows, errors);

        static PopulationCsvResult Fail(string message) => new([], [new PopulationCsvError(0, null, message)]);
    }

    /// <summary>Digits, or digits grouped by commas in threes ("1,234,567"); null for anything else.</summary>
    public static int? ParsePopulation(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 13) return null;
        var groups = v.Split(',');
        var grouped = groups.Length > 1;
        if (grouped && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))) return null;
        var digits = string.Concat(groups);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
        return long.Parse(digits, CultureInfo.InvariantCulture) is var n && n <= int.MaxValue ? (int)n : int.MaxValue;
    }

    /// <summary>The file's records, each with the row it starts on (1-based); quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<(int Row, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1, i = 0;
        var quoted = false;
        var any = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (start, fields);
                    fields = [];
                    field.Clear();
                    line++;
                    start = line;
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }

            i++;
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    private static string Shorten(string value)
    {
        var v = value.Trim();
        return v.Length <= 40 ? v : v[..40] + "…";
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

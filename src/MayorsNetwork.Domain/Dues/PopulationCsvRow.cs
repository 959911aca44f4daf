namespace MayorsNetwork.Domain.Dues;

/// <summary>One good row of a population CSV: its row number in the file (the column names are row 1) and its values.</summary>
public sealed record PopulationCsvRow(int Row, string Name, string State, int Population, int CensusYear)
{
    /// <summary>The city's key for matching: its folded name and its state.</summary>
    public (string NameKey, string State) Key => (Members.Government.KeyFor(Name), State);
}

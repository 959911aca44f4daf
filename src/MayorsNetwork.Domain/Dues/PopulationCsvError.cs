namespace MayorsNetwork.Domain.Dues;

/// <summary>What is wrong in a population CSV: the row (1 is the column names; 0 the whole file), the column, or null for the whole row, and why.</summary>
public sealed record PopulationCsvError(int Row, string? Column, string Message)
{
    public override string ToString() => Row == 0 ? Message : Column is null ? $"Row {Row}: {Message}" : $"Row {Row}, {Column}: {Message}";
}

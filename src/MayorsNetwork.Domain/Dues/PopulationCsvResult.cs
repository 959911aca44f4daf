namespace MayorsNetwork.Domain.Dues;

/// <summary>A population CSV read: its good rows and every error found, in file order.</summary>
public sealed record PopulationCsvResult(IReadOnlyList<PopulationCsvRow> Rows, IReadOnlyList<PopulationCsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

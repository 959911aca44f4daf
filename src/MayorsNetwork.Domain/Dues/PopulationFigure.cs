namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// A population figure staff recorded for a member for one of the association's fiscal years (issue 14): entered one
/// at a time or from a confirmed CSV upload. Rows are never changed or deleted, so they are the history: who entered
/// which figure, when, from where, and what it replaced. The figure in force for a fiscal year is the latest one
/// recorded for that year or an earlier one (as a dues schedule applies until replaced); with none, the population
/// the city gave (<see cref="Members.Government.Population"/>).
/// </summary>
public sealed class PopulationFigure
{
    public long Id { get; set; }

    public int GovernmentId { get; set; }

    /// <summary>The association's fiscal year the figure is for (its dues).</summary>
    public int FiscalYear { get; set; }

    public int Population { get; set; }

    public int CensusYear { get; set; }

    /// <summary>The population in force for that year before this figure.</summary>
    public int PreviousPopulation { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>The confirmed upload the figure came from, or null when entered on its own.</summary>
    public Guid? UploadId { get; set; }

    /// <summary>The figure in force for <paramref name="fiscalYear"/> among <paramref name="figures"/> (one government's), or <paramref name="given"/>.</summary>
    public static int InForce(IEnumerable<PopulationFigure> figures, int fiscalYear, int given) =>
        figures.Where(f => f.FiscalYear <= fiscalYear)
            .OrderByDescending(f => f.FiscalYear).ThenByDescending(f => f.RecordedAtUtc).ThenByDescending(f => f.Id)
            .Select(f => (int?)f.Population)
            .FirstOrDefault() ?? given;
}

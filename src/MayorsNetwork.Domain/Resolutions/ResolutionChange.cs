namespace MayorsNetwork.Domain.Resolutions;

/// <summary>One step of a resolution's history: who moved it, when, from what to what, and why.</summary>
public sealed class ResolutionChange
{
    public const int NoteMaxLength = 500;

    public int Id { get; set; }

    public int ResolutionId { get; set; }

    public ResolutionStatus? From { get; set; }

    public ResolutionStatus To { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }

    public string Note { get; set; } = "";
}

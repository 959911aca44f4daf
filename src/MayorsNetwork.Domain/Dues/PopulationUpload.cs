namespace MayorsNetwork.Domain.Dues;

/// <summary>
/// A CSV of population figures that passed its dry run and waits for staff to confirm it (issue 14). The file's text
/// is kept here, not in one instance's memory, so the confirmation can reach any instance; confirming parses and
/// checks it again and records its figures once (<see cref="AppliedAtUtc"/>).
/// </summary>
public sealed class PopulationUpload
{
    public Guid Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>The file as uploaded (UTF-8 text).</summary>
    public required string Content { get; set; }

    /// <summary>The association's fiscal year the figures are for.</summary>
    public int FiscalYear { get; set; }

    public int Rows { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime? AppliedAtUtc { get; set; }

    public string? AppliedBy { get; set; }
}

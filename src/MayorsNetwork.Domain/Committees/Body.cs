namespace MayorsNetwork.Domain.Committees;

/// <summary>A standing committee, task force, the Executive Committee or the Advisory Board, with its seats.</summary>
public sealed class Body
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 4_000;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The address of its public page (/committees/{slug}); unique, made from the name.</summary>
    public required string Slug { get; set; }

    public BodyKind Kind { get; set; }

    /// <summary>A short description in Markdown; rendered without raw HTML.</summary>
    public string DescriptionMarkdown { get; set; } = "";

    /// <summary>Inactive bodies keep their history but take no new seats.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Changed on every update; a stale copy cannot overwrite a newer one (optimistic concurrency).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Seat> Seats { get; set; } = [];
}

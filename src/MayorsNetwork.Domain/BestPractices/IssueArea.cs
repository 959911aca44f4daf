using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Domain.BestPractices;

/// <summary>
/// A subject best practices are filed under. Staff keep the list; it starts from the subjects of the standing
/// committees and task forces (their names without "Committee" or "Task Force"). A retired area keeps its practices
/// but takes no new ones.
/// </summary>
public sealed class IssueArea
{
    public const int NameMaxLength = 100;

    public const string BadName = "issue-area.name";

    private IssueArea()
    {
    }

    public int Id { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>Its address in the showcase (/best-practices/area/{slug}); unique, made from the first name and kept on renaming so links last.</summary>
    public string Slug { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public static RuleResult<IssueArea> Create(string? name)
    {
        if (Check(name) is { } error) return RuleResult.Fail<IssueArea>([error]);
        var trimmed = name!.Trim();
        return RuleResult.Ok(new IssueArea { Name = trimmed, Slug = SeatRules.SlugFor(trimmed) });
    }

    /// <summary>The subject of a standing committee or task force; null for the Executive Committee and the Advisory Board.</summary>
    public static string? SubjectOf(string bodyName, BodyKind kind)
    {
        if (kind is not (BodyKind.StandingCommittee or BodyKind.TaskForce)) return null;
        var name = bodyName.Trim();
        foreach (var suffix in new[] { " Task Force", " Committee" })
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name[..^suffix.Length].Trim();
        return name;
    }

    /// <summary>The first list: one area per distinct subject of the active standing committees and task forces, in their order.</summary>
    public static IReadOnlyList<IssueArea> SeedFrom(IEnumerable<Body> bodies) => bodies
        .Where(b => b.IsActive)
        .Select(b => SubjectOf(b.Name, b.Kind))
        .OfType<string>()
        .DistinctBy(Members.Government.KeyFor)
        .Select(s => Create(s).Value)
        .ToList();

    public RuleResult Rename(string? name)
    {
        if (Check(name) is { } error) return RuleResult.Fail([error]);
        Name = name!.Trim();
        return RuleResult.Ok();
    }

    public void Retire() => IsActive = false;

    public void Restore() => IsActive = true;

    private static RuleError? Check(string? name) => name?.Trim() switch
    {
        null or "" => new RuleError(BadName, "Enter the issue area's name.", nameof(Name)),
        { Length: > NameMaxLength } => new RuleError(BadName, $"The name can be at most {NameMaxLength} characters.", nameof(Name)),
        _ => null,
    };
}

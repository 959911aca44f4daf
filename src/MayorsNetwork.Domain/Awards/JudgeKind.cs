namespace MayorsNetwork.Domain.Awards;

public enum JudgeKind
{
    /// <summary>Association staff: no city of their own.</summary>
    Staff = 1,

    /// <summary>The mayor of a member city: never shown that city's application.</summary>
    Mayor = 2,
}

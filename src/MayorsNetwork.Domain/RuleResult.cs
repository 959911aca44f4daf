namespace MayorsNetwork.Domain;

/// <summary>
/// What a domain method returns when it may refuse: success, or one or more <see cref="RuleError"/>s. A refused
/// change leaves the entity as it was. Programming errors (a null argument, a call the type never allows) throw.
/// </summary>
public class RuleResult
{
    private static readonly RuleResult Success = new([]);

    protected RuleResult(IReadOnlyList<RuleError> errors) => Errors = errors;

    public IReadOnlyList<RuleError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The first error, or null on success.</summary>
    public RuleError? Error => Errors.Count == 0 ? null : Errors[0];

    public static RuleResult Ok() => Success;

    public static RuleResult<T> Ok<T>(T value) => new(value, []);

    public static RuleResult Fail(string code, string message, string? property = null) => new([new RuleError(code, message, property)]);

    public static RuleResult Fail(IReadOnlyList<RuleError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new RuleResult(errors);
    }

    public static RuleResult<T> Fail<T>(string code, string message, string? property = null) => new(default, [new RuleError(code, message, property)]);

    public static RuleResult<T> Fail<T>(IReadOnlyList<RuleError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new RuleResult<T>(default, errors);
    }

    /// <summary>Success when <paramref name="errors"/> is empty, else a failure carrying them.</summary>
    public static RuleResult From(IReadOnlyList<RuleError> errors) => errors.Count == 0 ? Success : new RuleResult(errors);
}

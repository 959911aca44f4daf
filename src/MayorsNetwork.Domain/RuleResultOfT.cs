namespace MayorsNetwork.Domain;

/// <summary>A <see cref="RuleResult"/> that carries a value on success (an entity created, a figure worked out).</summary>
public sealed class RuleResult<T> : RuleResult
{
    private readonly T? _value;

    internal RuleResult(T? value, IReadOnlyList<RuleError> errors)
        : base(errors) => _value = value;

    /// <summary>The value; reading it after a refusal is a programming error and throws.</summary>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException($"The rule refused ({Error!.Code}): there is no value. {Error.Message}");
}

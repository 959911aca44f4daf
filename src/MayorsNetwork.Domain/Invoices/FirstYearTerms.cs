namespace MayorsNetwork.Domain.Invoices;

/// <summary>The first-year settings: the policy and, for <see cref="FirstYearPolicy.Rollover"/>, how many months before
/// the end of the fiscal year an approval rolls over into the next.</summary>
public sealed record FirstYearTerms(FirstYearPolicy Policy = FirstYearPolicy.Rollover, int RolloverMonths = FirstYearTerms.DefaultRolloverMonths)
{
    public const int DefaultRolloverMonths = 3;

    /// <summary>At most 11: with 12 every approval would roll over and no member would ever pay for the year it joined in.</summary>
    public const int MaxRolloverMonths = 11;

    public static FirstYearTerms Default { get; } = new();

    /// <summary>Why the settings cannot be used, or empty.</summary>
    public IReadOnlyList<RuleError> Validate()
    {
        var errors = new List<RuleError>();
        if (!Enum.IsDefined(Policy))
            errors.Add(new RuleError("first-year.policy", "The first-year policy must be Rollover, Prorated or Full.", nameof(Policy)));
        if (RolloverMonths is < 0 or > MaxRolloverMonths)
            errors.Add(new RuleError("first-year.rollover-months", $"The rollover months must be between 0 and {MaxRolloverMonths}.", nameof(RolloverMonths)));
        return errors;
    }
}

namespace MayorsNetwork.Domain.Members;

/// <summary>Who may apply through the form. The figures are settings (see MembershipOptions), not code.</summary>
public sealed record EligibilityRules(int MinimumPopulation, IReadOnlyCollection<GovernmentKind> AcceptedKinds, string MembershipEmail)
{
    /// <summary>Null when eligible; otherwise the reason, in words for the applicant.</summary>
    public string? Check(GovernmentKind kind, int population)
    {
        if (kind == GovernmentKind.Region)
            return $"Regional entities apply by email: please write to {MembershipEmail} and we will help you join.";
        if (!AcceptedKinds.Contains(kind))
            return $"We accept applications from {string.Join(", ", AcceptedKinds.Select(k => k.Plural()))}. " +
                   $"If you think your {kind.Display().ToLowerInvariant()} should be a member, write to {MembershipEmail}.";
        if (population < MinimumPopulation)
            return string.Create(CultureInfo.InvariantCulture, $"Membership is open to governments with a population of {MinimumPopulation:N0} or more; {population:N0} is below that. Write to {MembershipEmail} if you have questions.");
        return null;
    }
}

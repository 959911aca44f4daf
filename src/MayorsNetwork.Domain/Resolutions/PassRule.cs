namespace MayorsNetwork.Domain.Resolutions;

/// <summary>What a resolution needs to pass, besides the quorum. Abstentions never count for or against.</summary>
public enum PassRule
{
    /// <summary>More Yes than No.</summary>
    SimpleMajority = 1,

    /// <summary>At least two-thirds of those voting Yes or No vote Yes (exactly two-thirds passes).</summary>
    TwoThirds = 2,
}

public static class PassRuleText
{
    public static string Display(this PassRule rule) => rule switch
    {
        PassRule.SimpleMajority => "Simple majority (more Yes than No)",
        PassRule.TwoThirds => "Two-thirds of those voting Yes or No",
        _ => rule.ToString(),
    };
}

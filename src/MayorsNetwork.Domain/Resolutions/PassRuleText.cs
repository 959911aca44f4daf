namespace MayorsNetwork.Domain.Resolutions;

public static class PassRuleText
{
    public static string Display(this PassRule rule) => rule switch
    {
        PassRule.SimpleMajority => "Simple majority (more Yes than No)",
        PassRule.TwoThirds => "Two-thirds of those voting Yes or No",
        _ => rule.ToString(),
    };
}

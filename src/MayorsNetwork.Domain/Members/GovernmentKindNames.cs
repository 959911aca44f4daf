namespace MayorsNetwork.Domain.Members;

public static class GovernmentKindNames
{
    public static string Display(this GovernmentKind kind) => kind switch
    {
        GovernmentKind.TribalNation => "Tribal nation",
        GovernmentKind.Region => "Regional entity",
        _ => kind.ToString(),
    };

    public static string Plural(this GovernmentKind kind) => kind switch
    {
        GovernmentKind.City => "cities",
        GovernmentKind.County => "counties",
        GovernmentKind.Town => "towns",
        GovernmentKind.TribalNation => "Tribal nations",
        GovernmentKind.Region => "regional entities",
        _ => kind.ToString().ToLowerInvariant() + "s",
    };
}

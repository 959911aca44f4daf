namespace MayorsNetwork.Domain.Committees;

public static class BodyKindText
{
    /// <summary>The order in which kinds are listed: governing bodies first, then committees, then task forces.</summary>
    public static readonly IReadOnlyList<BodyKind> ListingOrder = [BodyKind.ExecutiveCommittee, BodyKind.AdvisoryBoard, BodyKind.StandingCommittee, BodyKind.TaskForce];

    public static string Display(this BodyKind kind) => kind switch
    {
        BodyKind.StandingCommittee => "Standing committee",
        BodyKind.TaskForce => "Task force",
        BodyKind.ExecutiveCommittee => "Executive Committee",
        BodyKind.AdvisoryBoard => "Advisory Board",
        _ => kind.ToString(),
    };

    public static string Plural(this BodyKind kind) => kind switch
    {
        BodyKind.StandingCommittee => "Standing committees",
        BodyKind.TaskForce => "Task forces",
        BodyKind.ExecutiveCommittee => "Executive Committee",
        BodyKind.AdvisoryBoard => "Advisory Board",
        _ => kind.ToString(),
    };
}

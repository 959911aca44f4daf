namespace MayorsNetwork.Web.Seeding;

/// <summary>
/// The bodies a new portal starts with (product.md, "Committees and task forces"): the Executive
/// Committee, the Advisory Board, standing committees named like the U.S. Conference of Mayors' own, and
/// the task forces product.md lists. Staff edit, add and retire them afterwards.
/// </summary>
public static class DefaultBodies
{
    private static readonly (string Name, BodyKind Kind, string Description)[] Seeds =
    [
        ("Executive Committee", BodyKind.ExecutiveCommittee, "Guides the association's policies and programs between meetings, with the **Advisory Board**."),
        ("Advisory Board", BodyKind.AdvisoryBoard, "Advises the Executive Committee on the association's policies and programs."),
        ("Criminal and Social Justice Committee", BodyKind.StandingCommittee, "Public safety, policing, courts and reentry. Recommends policy resolutions to the Annual Meeting."),
        ("Energy Committee", BodyKind.StandingCommittee, "Energy supply, efficiency and prices for cities and their residents."),
        ("Environment Committee", BodyKind.StandingCommittee, "Clean air and water, waste, and the local environment."),
        ("Jobs, Education and the Workforce Committee", BodyKind.StandingCommittee, "Schools, training and good jobs in our cities."),
        ("Transportation and Communications Committee", BodyKind.StandingCommittee, "Roads, transit, rail, airports and broadband."),
        ("Community Development and Housing Committee", BodyKind.StandingCommittee, "Affordable housing, neighborhoods and community development funding."),
        ("Immigration Reform Task Force", BodyKind.TaskForce, "Immigration law and its effects on cities and their residents."),
        ("Automation Task Force", BodyKind.TaskForce, "How automation changes work in our cities, and what mayors can do about it."),
        ("Infrastructure Task Force", BodyKind.TaskForce, "Investment in the roads, bridges, water systems and buildings cities depend on."),
        ("Youth Involvement Task Force", BodyKind.TaskForce, "Young people's voice in city government."),
        ("Civic Innovation Task Force", BodyKind.TaskForce, "New ways for city halls to serve and involve residents."),
        ("Exports Task Force", BodyKind.TaskForce, "Helping local businesses sell abroad."),
        ("Hunger and Homelessness Task Force", BodyKind.TaskForce, "Food insecurity and homelessness in cities, and what works against them."),
        ("Brownfields Task Force", BodyKind.TaskForce, "Cleaning up and reusing contaminated land."),
        ("Climate Change Task Force", BodyKind.TaskForce, "Cutting emissions and preparing cities for a changing climate."),
    ];

    public static IEnumerable<Body> All(DateTime nowUtc) => Seeds.Select(s => new Body
    {
        Name = s.Name,
        Slug = SeatRules.SlugFor(s.Name),
        Kind = s.Kind,
        DescriptionMarkdown = s.Description,
        IsActive = true,
        CreatedAtUtc = nowUtc,
        CreatedBy = "Initial set-up",
    });
}

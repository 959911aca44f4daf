using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>One government as on record and as an applicant typed it again, for the tests of taking typed details.</summary>
internal static class GovernmentExamples
{
    public static Government OnRecord() => new()
    {
        Id = 12,
        Name = "Cañon City",
        NameKey = Government.KeyFor("Cañon City"),
        State = "CO",
        Kind = GovernmentKind.Town,
        Population = 16_000,
        CensusYear = 2010,
        MayorTitle = "Mayor",
        Mayor = new Contact { Name = "Old Mayor", Email = "old@canoncity.example", Phone = "719-555-0100" },
        MayorTermEnds = new DateOnly(2024, 12, 31),
        Liaison = new Contact { Name = "Old Liaison", Email = "liaison@canoncity.example" },
        Billing = new Contact { Name = "Old Billing", Email = "billing@canoncity.example" },
        BillingAddress = "PO Box 1\nCañon City, CO 81212",
    };

    public static Government Typed() => new()
    {
        Name = "Canon City",
        NameKey = "",
        State = "CO",
        Kind = GovernmentKind.City,
        Population = 17_141,
        CensusYear = 2020,
        MayorTitle = "Mayor Pro Tem",
        Mayor = new Contact { Name = "New Mayor", Email = "mayor@canoncity.example", Phone = "719-555-0199" },
        MayorTermEnds = new DateOnly(2028, 12, 31),
        Liaison = new Contact { Name = "New Liaison", Email = "newliaison@canoncity.example", Phone = "719-555-0150" },
        Billing = new Contact { Name = "Finance", Email = "finance@canoncity.example", Phone = "719-555-0160" },
        BillingAddress = "128 Main Street\nCanon City, CO 81212",
    };
}

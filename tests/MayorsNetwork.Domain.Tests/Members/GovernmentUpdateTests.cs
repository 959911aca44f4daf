using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>A government on record takes an applicant's details: every one of them, the billing address too.</summary>
public class GovernmentUpdateTests
{
    private static Government OnRecord() => new()
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

    private static Government Typed() => new()
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

    [Fact]
    public void Every_detail_the_applicant_typed_replaces_the_one_on_record()
    {
        var government = OnRecord();
        var typed = Typed();

        government.UpdateFrom(typed);

        Assert.Equal("Canon City", government.Name);
        Assert.Equal("CANON CITY", government.NameKey);
        Assert.Equal(GovernmentKind.City, government.Kind);
        Assert.Equal(17_141, government.Population);
        Assert.Equal(2020, government.CensusYear);
        Assert.Equal("Mayor Pro Tem", government.MayorTitle);
        Assert.Equal(("New Mayor", "mayor@canoncity.example", "719-555-0199"), (government.Mayor.Name, government.Mayor.Email, government.Mayor.Phone));
        Assert.Equal(new DateOnly(2028, 12, 31), government.MayorTermEnds);
        Assert.Equal(("New Liaison", "newliaison@canoncity.example", "719-555-0150"), (government.Liaison.Name, government.Liaison.Email, government.Liaison.Phone));
        Assert.Equal(("Finance", "finance@canoncity.example", "719-555-0160"), (government.Billing.Name, government.Billing.Email, government.Billing.Phone));
    }

    [Fact]
    public void The_billing_address_is_taken_too()
    {
        var government = OnRecord();

        government.UpdateFrom(Typed());

        Assert.Equal("128 Main Street\nCanon City, CO 81212", government.BillingAddress);
    }

    [Fact]
    public void The_record_keeps_its_identity_and_its_own_copies_of_the_contacts()
    {
        var government = OnRecord();
        var typed = Typed();

        government.UpdateFrom(typed);
        typed.Mayor.Name = "Changed afterwards";

        Assert.Equal(12, government.Id);
        Assert.Equal("CO", government.State);
        Assert.Equal("New Mayor", government.Mayor.Name);
        Assert.NotSame(typed.Billing, government.Billing);
    }
}

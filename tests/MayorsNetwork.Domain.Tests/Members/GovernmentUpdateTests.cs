using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>A government on record takes an applicant's details: every one of them, the billing address too.</summary>
public class GovernmentUpdateTests
{
    [Fact]
    public void Every_detail_the_applicant_typed_replaces_the_one_on_record()
    {
        var government = GovernmentExamples.OnRecord();
        var typed = GovernmentExamples.Typed();

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
        var government = GovernmentExamples.OnRecord();

        government.UpdateFrom(GovernmentExamples.Typed());

        Assert.Equal("128 Main Street\nCanon City, CO 81212", government.BillingAddress);
    }

    [Fact]
    public void The_record_keeps_its_identity_and_its_own_copies_of_the_contacts()
    {
        var government = GovernmentExamples.OnRecord();
        var typed = GovernmentExamples.Typed();

        government.UpdateFrom(typed);
        typed.Mayor.Name = "Changed afterwards";

        Assert.Equal(12, government.Id);
        Assert.Equal("CO", government.State);
        Assert.Equal("New Mayor", government.Mayor.Name);
        Assert.NotSame(typed.Billing, government.Billing);
    }
}

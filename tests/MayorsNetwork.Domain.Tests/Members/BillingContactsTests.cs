using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Members;

/// <summary>
/// Issue 14, item 3: a city's billing contact and up to five CC addresses, who receive its billing mail; who may change
/// them, and the record of each change.
/// </summary>
public class BillingContactsTests
{
    private static readonly BillingContactEditor Liaison = new("user-1", "Old Liaison", "liaison@canoncity.example");
    private static readonly DateTime Now = new(2026, 12, 6, 7, 30, 0, DateTimeKind.Utc);

    private static Contact Billing(string email = "billing@canoncity.example") => new() { Name = "Old Billing", Email = email, Phone = "" };

    [Fact]
    public void Billing_mail_goes_to_the_billing_contact_with_the_ccs_and_the_mayor_in_copy_each_once()
    {
        var government = GovernmentExamples.OnRecord();
        government.BillingCc = ["clerk@canoncity.example", "OLD@canoncity.example", "Billing@canoncity.example", "treasurer@canoncity.example"];

        var recipients = BillingRecipients.For(government);

        Assert.Equal("billing@canoncity.example", recipients.To);
        Assert.Equal(["clerk@canoncity.example", "OLD@canoncity.example", "treasurer@canoncity.example"], recipients.Cc);
    }

    [Fact]
    public void Without_ccs_the_mayor_alone_is_in_copy_as_before()
    {
        var recipients = BillingRecipients.For(GovernmentExamples.OnRecord());

        Assert.Equal("billing@canoncity.example", recipients.To);
        Assert.Equal(["old@canoncity.example"], recipients.Cc);
    }

    [Fact]
    public void A_change_sets_the_contact_and_ccs_and_records_each_field_that_changed()
    {
        var government = GovernmentExamples.OnRecord();
        var version = government.BillingContactsVersion;

        var result = government.ChangeBillingContacts(
            new Contact { Name = " Finance Office ", Email = "finance@canoncity.example", Phone = "" },
            ["  clerk@canoncity.example ", "", null, "treasurer@canoncity.example"], Liaison, Now);

        Assert.True(result.Succeeded);
        Assert.Equal(("Finance Office", "finance@canoncity.example"), (government.Billing.Name, government.Billing.Email));
        Assert.Equal(["clerk@canoncity.example", "treasurer@canoncity.example"], government.BillingCc);
        Assert.NotEqual(version, government.BillingContactsVersion);
        Assert.Equal(
            [
                ("Billing contact name", "Old Billing", "Finance Office"),
                ("Billing contact email", "billing@canoncity.example", "finance@canoncity.example"),
                ("CC addresses", "", "clerk@canoncity.example, treasurer@canoncity.example"),
            ],
            result.Value.Select(c => (c.Field, c.Before, c.After)));
        Assert.All(result.Value, c => Assert.Equal((12, "user-1", "Old Liaison", "liaison@canoncity.example", Now), (c.GovernmentId, c.ByUserId, c.ByName, c.ByEmail, c.AtUtc)));
    }

    [Fact]
    public void Saving_the_same_details_records_nothing_and_keeps_the_version()
    {
        var government = GovernmentExamples.OnRecord();
        government.BillingCc = ["clerk@canoncity.example"];
        var version = government.BillingContactsVersion;

        var result = government.ChangeBillingContacts(government.Billing.Copy(), ["clerk@canoncity.example"], Liaison, Now);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value);
        Assert.Equal(version, government.BillingContactsVersion);
    }

    [Fact]
    public void Five_ccs_are_allowed_and_a_sixth_is_refused_with_nothing_changed()
    {
        var five = Enumerable.Range(1, 5).Select(i => $"cc{i}@canoncity.example").ToList();
        var government = GovernmentExamples.OnRecord();
        Assert.True(government.ChangeBillingContacts(Billing(), five, Liaison, Now).Succeeded);

        var result = government.ChangeBillingContacts(Billing("new@canoncity.example"), [.. five, "cc6@canoncity.example"], Liaison, Now);

        Assert.Equal(("billing.cc.too-many", "Cc"), (result.Error!.Code, result.Error.Property));
        Assert.Equal("At most 5 CC addresses receive billing email; you entered 6.", result.Error.Message);
        Assert.Equal(five, government.BillingCc);
        Assert.Equal("billing@canoncity.example", government.Billing.Email);
    }

    [Fact]
    public void The_same_cc_twice_in_any_case_is_refused()
    {
        var government = GovernmentExamples.OnRecord();

        var result = government.ChangeBillingContacts(Billing(), ["clerk@canoncity.example", "Clerk@CanonCity.example"], Liaison, Now);

        Assert.Equal("billing.cc.duplicate", result.Error!.Code);
        Assert.Empty(government.BillingCc);
    }

    [Fact]
    public void The_billing_contacts_own_address_as_a_cc_is_refused()
    {
        var government = GovernmentExamples.OnRecord();

        var result = government.ChangeBillingContacts(Billing("finance@canoncity.example"), ["FINANCE@canoncity.example"], Liaison, Now);

        Assert.Equal("billing.cc.is-billing-contact", result.Error!.Code);
        Assert.Equal("billing@canoncity.example", government.Billing.Email);
    }

    [Theory]
    [InlineData("old@canoncity.example", true)]
    [InlineData(" LIAISON@canoncity.example", true)]
    [InlineData("billing@canoncity.example", false)]
    [InlineData("someone@canoncity.example", false)]
    [InlineData("", false)]
    public void The_mayor_and_the_liaison_may_edit_and_no_one_else(string accountEmail, bool may) =>
        Assert.Equal(may, GovernmentExamples.OnRecord().MayEditBillingContacts(accountEmail));
}

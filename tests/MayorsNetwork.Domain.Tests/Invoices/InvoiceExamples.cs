using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Tests.Invoices;

/// <summary>A member and its invoices, built the way the portal builds them.</summary>
internal static class InvoiceExamples
{
    public static readonly DateOnly IssuedOn = new(2026, 3, 10);
    public static readonly DateTime Now = new(2026, 3, 20, 15, 0, 0, DateTimeKind.Utc);

    public static Membership Boulder(int population = 108_250) => new()
    {
        Id = 7,
        Government = new Government
        {
            Id = 3,
            Name = "Boulder",
            NameKey = "BOULDER",
            State = "CO",
            Kind = GovernmentKind.City,
            Population = population,
            MayorTitle = "Mayor",
            Mayor = new Contact { Name = "Aaron Brockett", Email = "mayor@bouldercolorado.gov", Phone = "303-555-0100" },
            Billing = new Contact { Name = "Finance Office", Email = "finance@bouldercolorado.gov", Phone = "303-555-0102" },
            BillingAddress = "1777 Broadway\nBoulder, CO 80302",
        },
    };

    /// <summary>ICLEI tiers, first year: 108,250 people are in the $1,750 tier, less 25%: $1,312.50.</summary>
    public static Invoice IcleiFirstYear(int sequence = 123)
    {
        var schedule = DefaultDuesSchedules.IcleiUsaTiers(2026);
        var quote = schedule.Quote(108_250, newMember: true);
        return Invoice.Create(Boulder(), sequence, quote, new FiscalYear(2026, 1), InvoiceKind.FirstYear, IssuedOn, 30, schedule.NewMemberDiscountPercent);
    }

    public static Invoice Sent()
    {
        var invoice = IcleiFirstYear();
        invoice.MarkSent();
        return invoice;
    }
}

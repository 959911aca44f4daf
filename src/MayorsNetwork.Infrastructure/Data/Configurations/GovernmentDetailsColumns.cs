using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

/// <summary>The columns of a government's details, the same on the government and on a re-application that proposes new ones.</summary>
internal static class GovernmentDetailsColumns
{
    public static void HasGovernmentDetails<T>(this EntityTypeBuilder<T> b) where T : class, IGovernmentDetails
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.MayorTitle).HasMaxLength(FieldLimits.ShortText);
        b.Property(x => x.BillingAddress).HasMaxLength(FieldLimits.Address);
        b.OwnsOne(x => x.Mayor, Contact);
        b.OwnsOne(x => x.Liaison, Contact);
        b.OwnsOne(x => x.Billing, Contact);
    }

    private static void Contact<T>(OwnedNavigationBuilder<T, Contact> c) where T : class
    {
        c.Property(x => x.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        c.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        c.Property(x => x.Phone).HasMaxLength(FieldLimits.ShortText).IsRequired();
    }
}

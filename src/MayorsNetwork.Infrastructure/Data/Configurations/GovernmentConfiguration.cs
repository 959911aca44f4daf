using MayorsNetwork.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class GovernmentConfiguration : IEntityTypeConfiguration<Government>
{
    public void Configure(EntityTypeBuilder<Government> b)
    {
        b.Property(g => g.Name).HasMaxLength(FieldLimits.Name);
        b.Property(g => g.NameKey).HasMaxLength(FieldLimits.Name);
        b.Property(g => g.State).HasMaxLength(2).IsFixedLength(false);
        b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.MayorTitle).HasMaxLength(FieldLimits.ShortText);
        b.Property(g => g.BillingAddress).HasMaxLength(FieldLimits.Address);
        b.Property(g => g.VendorNumber).HasMaxLength(Domain.Invoices.BillingReference.MaxLength);
        // One record per government: the same name in the same state is the same government.
        b.HasIndex(g => new { g.NameKey, g.State }).IsUnique();
        // The member directory: a state's members in name order (and any lookup by state, as the index on State alone did).
        b.HasIndex(g => new { g.State, g.NameKey });
        b.OwnsOne(g => g.Mayor, Contact);
        b.OwnsOne(g => g.Liaison, Contact);
        b.OwnsOne(g => g.Billing, Contact);
    }

    private static void Contact<T>(OwnedNavigationBuilder<T, Contact> c) where T : class
    {
        c.Property(x => x.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        c.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        c.Property(x => x.Phone).HasMaxLength(FieldLimits.ShortText).IsRequired();
    }
}

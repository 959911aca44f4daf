using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class GovernmentConfiguration : IEntityTypeConfiguration<Government>
{
    public void Configure(EntityTypeBuilder<Government> b)
    {
        b.HasGovernmentDetails();
        b.Property(g => g.NameKey).HasMaxLength(FieldLimits.Name);
        b.Property(g => g.State).HasMaxLength(2).IsFixedLength(false);
        b.Property(g => g.VendorNumber).HasMaxLength(Domain.Invoices.BillingReference.MaxLength);
        // At most five addresses of up to 254 characters, stored with the government (read whenever it is).
        b.PrimitiveCollection(g => g.BillingCc).HasMaxLength(FieldLimits.BillingCc).ElementType().HasMaxLength(FieldLimits.Email);
        b.Property(g => g.BillingContactsVersion).IsConcurrencyToken();
        // One record per government: the same name in the same state is the same government.
        b.HasIndex(g => new { g.NameKey, g.State }).IsUnique();
        // The member directory: a state's members in name order (and any lookup by state, as the index on State alone did).
        b.HasIndex(g => new { g.State, g.NameKey });
    }
}

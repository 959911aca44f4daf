using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class BillingContactChangeConfiguration : IEntityTypeConfiguration<BillingContactChange>
{
    public void Configure(EntityTypeBuilder<BillingContactChange> b)
    {
        b.Property(c => c.Field).HasMaxLength(FieldLimits.ShortText);
        // The CC list before and after: five addresses and their separators.
        b.Property(c => c.Before).HasMaxLength(2_000);
        b.Property(c => c.After).HasMaxLength(2_000);
        b.Property(c => c.ByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(c => c.ByName).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.ByEmail).HasMaxLength(FieldLimits.Email);
        b.HasOne<Government>().WithMany().HasForeignKey(c => c.GovernmentId).OnDelete(DeleteBehavior.Restrict);
        // A city's history, newest first.
        b.HasIndex(c => new { c.GovernmentId, c.AtUtc });
    }
}

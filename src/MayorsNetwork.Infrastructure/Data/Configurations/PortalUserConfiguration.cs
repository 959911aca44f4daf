using MayorsNetwork.Infrastructure.Identity;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(FieldLimits.Name);
        b.HasOne(u => u.Government).WithMany().HasForeignKey(u => u.GovernmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

using MayorsNetwork.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.ApplicantUserId).HasMaxLength(450);
        // One membership per government, enforced by the database.
        b.HasIndex(m => m.GovernmentId).IsUnique();
        b.HasIndex(m => new { m.Status, m.AppliedAtUtc });
        b.HasOne(m => m.Government).WithOne(g => g.Membership).HasForeignKey<Membership>(m => m.GovernmentId);
        b.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MembershipId);
    }
}

internal sealed class MembershipStatusChangeConfiguration : IEntityTypeConfiguration<MembershipStatusChange>
{
    public void Configure(EntityTypeBuilder<MembershipStatusChange> b)
    {
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.ByUserId).HasMaxLength(450);
        b.Property(h => h.ByName).HasMaxLength(FieldLimits.Name);
        b.Property(h => h.Reason).HasMaxLength(FieldLimits.Reason);
        b.HasIndex(h => new { h.MembershipId, h.AtUtc });
    }
}

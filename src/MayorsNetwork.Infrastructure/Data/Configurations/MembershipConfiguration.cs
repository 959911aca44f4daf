using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
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
        b.Property(h => h.ByUserId).HasMaxLength(450);
        b.Property(h => h.ByName).HasMaxLength(FieldLimits.Name);
        b.Property(h => h.Reason).HasMaxLength(FieldLimits.Reason);
        b.HasIndex(h => new { h.MembershipId, h.AtUtc });
    }
}

internal sealed class MembershipProposalConfiguration : IEntityTypeConfiguration<MembershipProposal>
{
    /// <summary>The name of the index that allows one pending re-application per membership.</summary>
    public const string OnePendingPerMembership = "IX_MembershipProposals_OnePending";

    public void Configure(EntityTypeBuilder<MembershipProposal> b)
    {
        b.Property(p => p.ApplicantUserId).HasMaxLength(450);
        b.Property(p => p.ApplicantName).HasMaxLength(FieldLimits.Name);
        b.Property(p => p.DecidedByName).HasMaxLength(FieldLimits.Name);
        b.Property(p => p.DecisionReason).HasMaxLength(FieldLimits.Reason);
        b.HasGovernmentDetails();
        b.HasOne<Membership>().WithMany().HasForeignKey(p => p.MembershipId);
        // One re-application waiting per membership, enforced by the database (two at once: one is kept).
        b.HasIndex(p => p.MembershipId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName(OnePendingPerMembership);
        b.HasIndex(p => p.ApplicantUserId);
    }
}

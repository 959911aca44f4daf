using MayorsNetwork.Infrastructure.Audit;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The database refuses UPDATE and DELETE on the table (created by migration AuditTrail on each provider).</summary>
    public const string InsertOnlyTrigger = "AuditEntries_InsertOnly";

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // Declared so that SQL Server's inserts do not use a bare OUTPUT clause, which a table with a trigger refuses.
        b.ToTable(t => t.HasTrigger(InsertOnlyTrigger));
        b.Property(e => e.ActorUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(e => e.ActorName).HasMaxLength(FieldLimits.Name);
        b.Property(e => e.ActorEmail).HasMaxLength(FieldLimits.Email);
        b.Property(e => e.RemoteAddress).HasMaxLength(AuditEntry.AddressLength);
        b.Property(e => e.Kind).HasMaxLength(AuditEntry.KindLength);
        b.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeLength);
        b.Property(e => e.EntityKey).HasMaxLength(AuditEntry.EntityKeyLength);
        b.Property(e => e.Changes).HasMaxLength(AuditEntry.ChangesLength);
        // /staff/audit lists the newest first, filtered by date, kind, city or person: each filter with the time.
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.Kind, e.AtUtc });
        b.HasIndex(e => new { e.GovernmentId, e.AtUtc });
        b.HasIndex(e => new { e.ActorUserId, e.AtUtc });
        b.HasIndex(e => new { e.ActorEmail, e.AtUtc });
        // No foreign keys: an entry outlives the account and the city it names.
    }
}

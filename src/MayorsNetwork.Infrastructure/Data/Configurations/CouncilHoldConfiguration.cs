using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

/// <summary>"Payment awaits council approval" (issue 14): one hold per invoice, its changes kept with it.</summary>
internal sealed class CouncilHoldConfiguration : IEntityTypeConfiguration<CouncilHold>
{
    public void Configure(EntityTypeBuilder<CouncilHold> b)
    {
        b.Property(h => h.Version).IsConcurrencyToken();
        // One hold per invoice: two people recording the first one at once cannot both succeed.
        b.HasIndex(h => h.InvoiceId).IsUnique();
        // The staff filter: holds in force on a day.
        b.HasIndex(h => new { h.IsLifted, h.ExpectedBy });
        b.HasOne<Invoice>().WithMany().HasForeignKey(h => h.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(h => h.Changes).WithOne().HasForeignKey(c => c.CouncilHoldId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouncilHoldChangeConfiguration : IEntityTypeConfiguration<CouncilHoldChange>
{
    public void Configure(EntityTypeBuilder<CouncilHoldChange> b)
    {
        b.ToTable("CouncilHoldChanges");
        b.Property(c => c.ByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(c => c.ByName).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.Note).HasMaxLength(CouncilHold.NoteMaxLength);
    }
}

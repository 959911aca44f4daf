using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Topic).HasMaxLength(FieldLimits.Name * 2);
        b.Property(m => m.To).HasMaxLength(2_000);
        b.Property(m => m.Cc).HasMaxLength(2_000);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.TextBody).HasMaxLength(100_000);
        b.Property(m => m.HtmlBody).HasMaxLength(200_000);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.LockedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(FieldLimits.Reason);
        b.Property(m => m.ClaimToken).IsConcurrencyToken();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => m.InvoiceId);
        b.HasOne(m => m.Invoice).WithMany().HasForeignKey(m => m.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.PaymentId);
        b.HasOne(m => m.Payment).WithMany().HasForeignKey(m => m.PaymentId).OnDelete(DeleteBehavior.Restrict);
        // The worker's claim query: due messages by status and time.
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
    }
}

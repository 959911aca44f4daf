using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.Number).HasMaxLength(20);
        b.Property(i => i.MemberName).HasMaxLength(FieldLimits.Name);
        b.Property(i => i.MemberState).HasMaxLength(2);
        b.Property(i => i.BillingName).HasMaxLength(FieldLimits.Name);
        b.Property(i => i.BillingEmail).HasMaxLength(FieldLimits.Email);
        b.Property(i => i.BillingAddress).HasMaxLength(FieldLimits.Address);
        b.Property(i => i.MayorName).HasMaxLength(FieldLimits.Name + FieldLimits.ShortText);
        b.Property(i => i.MayorEmail).HasMaxLength(FieldLimits.Email);
        b.Property(i => i.PurchaseOrderNumber).HasMaxLength(BillingReference.MaxLength);
        b.Property(i => i.VendorNumber).HasMaxLength(BillingReference.MaxLength);
        b.Property(i => i.VoidReason).HasMaxLength(FieldLimits.Reason);
        b.Property(i => i.VoidedBy).HasMaxLength(FieldLimits.Name);
        b.Property(i => i.Version).IsConcurrencyToken();
        // Numbers are unique, and so is the sequence within a fiscal year.
        b.HasIndex(i => i.Number).IsUnique();
        b.HasIndex(i => new { i.FiscalYear, i.Sequence }).IsUnique();
        // One live invoice per member per fiscal year: a renewal run restarted issues no duplicates.
        b.HasIndex(i => new { i.MembershipId, i.FiscalYear }).IsUnique().HasFilter("\"Status\" <> 'Void'");
        b.HasIndex(i => new { i.Status, i.DueOn });
        b.HasOne(i => i.Membership).WithMany().HasForeignKey(i => i.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(i => i.Lines, l =>
        {
            l.ToTable("InvoiceLines");
            l.WithOwner().HasForeignKey("InvoiceId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Description).HasMaxLength(500);
        });
        b.Navigation(i => i.Lines).AutoInclude();
        b.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Reference).HasMaxLength(FieldLimits.Name);
        b.Property(p => p.RecordedBy).HasMaxLength(FieldLimits.Name);
    }
}

internal sealed class InvoiceNumberSequenceConfiguration : IEntityTypeConfiguration<InvoiceNumberSequence>
{
    public void Configure(EntityTypeBuilder<InvoiceNumberSequence> b) => b.HasKey(s => s.FiscalYear);
}

internal sealed class InvoiceReminderConfiguration : IEntityTypeConfiguration<InvoiceReminder>
{
    public void Configure(EntityTypeBuilder<InvoiceReminder> b)
    {
        b.HasIndex(r => new { r.InvoiceId, r.Kind }).IsUnique();
        b.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
    }
}

internal sealed class RenewalRunConfiguration : IEntityTypeConfiguration<RenewalRun>
{
    public void Configure(EntityTypeBuilder<RenewalRun> b)
    {
        b.Property(r => r.StartedBy).HasMaxLength(FieldLimits.Name);
        b.Property(r => r.LastError).HasMaxLength(FieldLimits.Reason);
        b.HasIndex(r => r.FiscalYear).IsUnique();
    }
}

using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class DuesScheduleConfiguration : IEntityTypeConfiguration<DuesSchedule>
{
    public void Configure(EntityTypeBuilder<DuesSchedule> b)
    {
        b.Property(s => s.Name).HasMaxLength(FieldLimits.Name);
        b.Property(s => s.Kind).HasMaxLength(30);
        b.Property(s => s.CreatedBy).HasMaxLength(FieldLimits.Name);
        // One schedule per fiscal year; a year's schedule is never replaced in place.
        b.HasIndex(s => s.FiscalYear).IsUnique();
        b.OwnsMany(s => s.Brackets, br =>
        {
            br.ToTable("DuesBrackets");
            br.WithOwner().HasForeignKey("DuesScheduleId");
            br.HasKey(x => x.Id);
        });
        b.Navigation(s => s.Brackets).AutoInclude();
    }
}

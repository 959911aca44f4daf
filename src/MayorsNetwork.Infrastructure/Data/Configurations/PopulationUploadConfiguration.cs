using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class PopulationUploadConfiguration : IEntityTypeConfiguration<PopulationUpload>
{
    public void Configure(EntityTypeBuilder<PopulationUpload> b)
    {
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.FileName).HasMaxLength(FieldLimits.Name * 2);
        b.Property(u => u.Content).HasMaxLength(PopulationCsv.MaxBytes);
        b.Property(u => u.UploadedBy).HasMaxLength(FieldLimits.Name);
        b.Property(u => u.AppliedBy).HasMaxLength(FieldLimits.Name);
    }
}

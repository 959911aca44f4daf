using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.Property(f => f.RecordedBy).HasMaxLength(FieldLimits.Name);
        b.HasOne<Government>().WithMany().HasForeignKey(f => f.GovernmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PopulationUpload>().WithMany().HasForeignKey(f => f.UploadId).OnDelete(DeleteBehavior.Restrict);
        // The figure in force for a year: a government's figures by year, latest last.
        b.HasIndex(f => new { f.GovernmentId, f.FiscalYear, f.RecordedAtUtc });
        b.HasIndex(f => f.FiscalYear);
    }
}

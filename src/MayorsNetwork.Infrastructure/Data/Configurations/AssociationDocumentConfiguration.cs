using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class AssociationDocumentConfiguration : IEntityTypeConfiguration<AssociationDocument>
{
    public void Configure(EntityTypeBuilder<AssociationDocument> b)
    {
        b.ToTable("AssociationDocuments");
        // One row per version of a kind: two uploads at once cannot both become version N (the loser is told to try again).
        b.HasIndex(d => new { d.Kind, d.Version }).IsUnique();
        b.Property(d => d.FileName).HasMaxLength(FieldLimits.Name);
        b.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength(false);
        b.Property(d => d.UploadedBy).HasMaxLength(FieldLimits.Name);
        // BLOB, bytea, varbinary(max): read back as a stream (AssociationDocumentContent), never into memory per download.
        b.Property(d => d.Content).IsRequired();
    }
}

using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> b)
    {
        b.Property(r => r.Title).HasMaxLength(Resolution.TitleMaxLength);
        b.Property(r => r.TextMarkdown).HasMaxLength(Resolution.TextMaxLength);
        b.Property(r => r.SponsorUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(r => r.SponsorName).HasMaxLength(FieldLimits.Name);
        b.Property(r => r.SponsorCity).HasMaxLength(FieldLimits.Name);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.MeetingId, r.Status });
        b.HasIndex(r => r.SponsorMembershipId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Membership>().WithMany().HasForeignKey(r => r.SponsorMembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Body>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Cosponsors).WithOne(c => c.Resolution).HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResolutionChangeConfiguration : IEntityTypeConfiguration<ResolutionChange>
{
    public void Configure(EntityTypeBuilder<ResolutionChange> b)
    {
        b.Property(c => c.ByUserId).HasMaxLength(FieldLimits.UserId);
        b.Property(c => c.ByName).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.Note).HasMaxLength(ResolutionChange.NoteMaxLength);
    }
}

internal sealed class CosponsorConfiguration : IEntityTypeConfiguration<Cosponsor>
{
    public const string OnePerCity = "IX_Cosponsors_OnePerCityPerResolution";

    public void Configure(EntityTypeBuilder<Cosponsor> b)
    {
        b.Property(c => c.MayorName).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.City).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.ConfirmedByUserId).HasMaxLength(FieldLimits.UserId);
        b.Ignore(c => c.IsConfirmed);
        b.HasIndex(c => new { c.ResolutionId, c.MembershipId }).IsUnique().HasDatabaseName(OnePerCity);
        b.HasIndex(c => c.MembershipId);
        b.HasOne<Membership>().WithMany().HasForeignKey(c => c.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

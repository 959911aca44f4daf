using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Title).HasMaxLength(Meeting.TitleMaxLength);
        b.Property(x => x.PlaceCity).HasMaxLength(Meeting.CityMaxLength);
        b.Property(x => x.PlaceState).HasMaxLength(2);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Place);
        b.HasIndex(x => x.StartsOn);
        b.HasMany(x => x.Credentials).WithOne(c => c.Meeting).HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

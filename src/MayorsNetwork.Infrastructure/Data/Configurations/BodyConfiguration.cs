using MayorsNetwork.Domain.Committees;

namespace MayorsNetwork.Infrastructure.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.Property(x => x.Name).HasMaxLength(Body.NameMaxLength);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.DescriptionMarkdown).HasMaxLength(Body.DescriptionMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLimits.Name);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The public address; two bodies with one address would hide one of them.
        b.HasIndex(x => x.Slug).IsUnique();
        b.HasMany(x => x.Seats).WithOne(s => s.Body).HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SeatConfiguration : IEntityTypeConfiguration<Seat>
{
    /// <summary>Seats not ended by staff. Quoted identifiers read the same in SQLite and PostgreSQL.</summary>
    public const string OpenSeat = "\"EndedAtUtc\" IS NULL";

    public void Configure(EntityTypeBuilder<Seat> b)
    {
        b.Property(s => s.MayorName).HasMaxLength(Seat.MayorNameMaxLength);
        b.Property(s => s.MayorNameKey).HasMaxLength(Seat.MayorNameMaxLength);
        b.Property(s => s.AppointedBy).HasMaxLength(FieldLimits.Name);
        b.Property(s => s.EndedBy).HasMaxLength(FieldLimits.Name);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsOpen);
        // At most one open chair and one open vice chair per body: two staff appointing a chair at once
        // cannot both succeed.
        b.HasIndex(s => new { s.BodyId, s.Role }).IsUnique()
            .HasFilter(OpenSeat + " AND \"Role\" IN ('Chair', 'ViceChair')")
            .HasDatabaseName("IX_Seats_OneChairAndViceChairPerBody");
        // One open seat per city (its mayor) per body.
        b.HasIndex(s => new { s.BodyId, s.MembershipId }).IsUnique()
            .HasFilter(OpenSeat)
            .HasDatabaseName("IX_Seats_OneOpenSeatPerCityPerBody");
        b.HasIndex(s => new { s.MembershipId, s.EndedAtUtc });
        b.HasIndex(s => new { s.EndedAtUtc, s.EndsOn });
        b.HasOne(s => s.Membership).WithMany().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Changes).WithOne().HasForeignKey(c => c.SeatId);
    }
}

internal sealed class SeatChangeConfiguration : IEntityTypeConfiguration<SeatChange>
{
    public void Configure(EntityTypeBuilder<SeatChange> b)
    {
        b.Property(c => c.By).HasMaxLength(FieldLimits.Name);
        b.Property(c => c.Detail).HasMaxLength(FieldLimits.Address);
        b.HasIndex(c => new { c.SeatId, c.AtUtc });
    }
}
